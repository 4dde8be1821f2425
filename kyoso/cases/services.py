"""Writes on the case library: a published collaboration becomes a case in one action."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kyoso.core.audit import audit_record

from .models import Case


def prefill(collaboration) -> dict:
    """What a case starts from: the collaboration's texts, outcome figures and its final (or
    latest) published evaluation's comments and lessons."""
    from kyoso.collaborations.figures import progress_of

    progress = progress_of(collaboration)
    outcomes = [figure.phrase for figure in progress.indicators if figure.phrase]
    # Only what the desk has published: the final evaluation (no fiscal year) first, else the
    # latest year's.
    evaluation = (collaboration.evaluations.filter(state="final", published_at__isnull=False)
                  .prefetch_related("sides")
                  .order_by(F("fiscal_year").desc(nulls_first=True), "-pk").first())
    worked, lessons = [], []
    if evaluation is not None:
        for side in evaluation.sides.all():
            label = side.get_side_display()
            if side.effectiveness_comment:
                worked.append(f"{label}: {side.effectiveness_comment}")
            if side.lessons:
                lessons.append(f"{label}: {side.lessons}")
    partners = "、".join(o.name for o in collaboration.partners.order_by("name"))
    return {
        "title": collaboration.title,
        "summary": collaboration.summary,
        "outcomes": "\n".join(outcomes),
        "what_worked": "\n".join(worked),
        "lessons": "\n".join(lessons),
        "partners_text": partners,
        "fields": [collaboration.field],
    }


def _already_a_case() -> ValidationError:
    return ValidationError(_("This collaboration is already a case."), code="exists")


@transaction.atomic
def case_create_from_collaboration(*, actor, collaboration, publish: bool = True,
                                   **texts) -> Case:
    """The desk turns a published collaboration into a case; what is not given is prefilled."""
    from kyoso.collaborations.models import Collaboration

    from .rules import may_make_case

    # Two clicks at once: the second waits here for the first, then finds its case.
    Collaboration.objects.select_for_update().only("pk").get(pk=collaboration.pk)
    if Case.objects.filter(collaboration=collaboration).exists():
        raise _already_a_case()
    if not may_make_case(actor, collaboration):
        raise PermissionDenied(gettext_lazy("You may not do this."))
    values = {**prefill(collaboration), **{k: v for k, v in texts.items() if v is not None}}
    if not (values.get("title") or "").strip():
        raise ValidationError({"title": _("Give the case a title.")})
    if not (values.get("summary") or "").strip():
        raise ValidationError({"summary": _("Summarise the case.")})
    case = Case(body=collaboration.body, collaboration=collaboration, created_by=actor,
                published_at=timezone.now() if publish else None, **values)
    try:
        with transaction.atomic():
            case.save()
    except IntegrityError:
        raise _already_a_case() from None
    audit_record(actor=actor, action="cases.create", target=case,
                 body_code=collaboration.body.code,
                 to_state="published" if publish else "draft",
                 changes={"collaboration": collaboration.pk})
    return case


@transaction.atomic
def case_publish(*, actor, case: Case) -> Case:
    import rules

    case = Case.objects.select_for_update().select_related("body").get(pk=case.pk)
    if case.published_at is not None:
        raise ValidationError(_("The case is already published."), code="published")
    if not rules.has_perm("cases.publish_case", actor, case):
        raise PermissionDenied(gettext_lazy("You may not do this."))
    case.published_at = timezone.now()
    case.save(update_fields=["published_at", "updated_at"])
    audit_record(actor=actor, action="cases.publish", target=case, body_code=case.body.code,
                 from_state="draft", to_state="published")
    return case
