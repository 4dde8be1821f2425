"""Permissions on cases: the body's desk makes, corrects, publishes and unpublishes them; the
public reads published ones."""

import rules

from kyoso.organizations.predicates import is_desk_of_body


@rules.predicate
def is_case_desk(user, case):
    return case is not None and is_desk_of_body(user, case.body)


@rules.predicate
def is_published_case(user, case):
    return case is not None and case.published_at is not None


@rules.predicate
def is_published_collaboration_desk(user, collaboration):
    return (collaboration is not None and collaboration.published_at is not None
            and is_desk_of_body(user, collaboration.body))


rules.add_perm("cases.view_case", is_published_case | is_case_desk)
rules.add_perm("cases.make_case", is_published_collaboration_desk)
rules.add_perm("cases.publish_case", is_case_desk & ~is_published_case)
# The desk that keeps the library corrects a case's texts, draft or published, and may take a
# published case out of the library again.
rules.add_perm("cases.change_case", is_case_desk)
rules.add_perm("cases.unpublish_case", is_case_desk & is_published_case)


def may_make_case(user, collaboration) -> bool:
    from .models import Case

    return rules.has_perm("cases.make_case", user, collaboration) and not Case.objects.filter(
        collaboration=collaboration).exists()
