"""Writes on the case library: a published collaboration becomes a case in one action; the desk
corrects its texts, publishes it and takes it out of the library again. Each write is atomic,
locks the case, checks the right and is audited (``cases.<verb>``)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from kyoso.core.audit import audit_record
from kyoso.core.text import normalize

from .models import TEXTS, Case

# The texts prefilled in each language: the Japanese field and its English one (``<name>_en``).
PREFILLED_IN_BOTH = ("outcomes", "what_worked", "lessons")


def _generated_texts(progress, evaluation, language: str) -> dict:
    """Outcome phrases and the evaluation's comments under each side's label, in ``language``
    whatever the editor's page is in."""
    from kyoso.collaborations.figures import outcome_phrase

    with override(language):
        outcomes = [outcome_phrase(figure.indicator, figure.actual.value)
                    for figure in progress.indicators if figure.actual is not None]
        worked, lessons = [], []
        separator = "：" if language == "ja" else ": "
        if evaluation is not None:
            for side in evaluation.sides.all():
                label = str(side.get_side_display())
                if side.effectiveness_comment:
                    worked.append(f"{label}{separator}{side.effectiveness_comment}")
                if side.lessons:
                    lessons.append(f"{label}{separator}{side.lessons}")
    return {"outcomes": "\n".join(outcomes), "what_worked": "\n".join(worked),
            "lessons": "\n".join(lessons)}


def prefill(collaboration) -> dict:
    """What a case starts from: the collaboration's texts, outcome figures and its final (or
    latest) published evaluation's comments and lessons. The Japanese texts are in Japanese and
    the English ones (``*_en``) in English, whatever the language of the page asking."""
    from kyoso.collaborations.figures import progress_of

    progress = progress_of(collaboration)
    # Only what the desk has published: the final evaluation (no fiscal year) first, else the
    # latest year's.
    evaluation = (collaboration.evaluations.filter(state="final", published_at__isnull=False)
                  .prefetch_related("sides")
                  .order_by(F("fiscal_year").desc(nulls_first=True), "-pk").first())
    japanese = _generated_texts(progress, evaluation, "ja")
    english = _generated_texts(progress, evaluation, "en")
    partners = "、".join(o.name for o in collaboration.partners.order_by("name"))
    return {
        "title": collaboration.title,
        "summary": collaboration.summary,
        **japanese,
        **{f"{name}_en": text for name, text in english.items()},
        "partners_text": partners,
        "fields": [collaboration.field],
    }


def _same_text(text) -> str:
    """A text as compared with its prefill: a browser sends a textarea's lines with CRLF."""
    return (text or "").replace("\r\n", "\n").strip()


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
    prefilled = prefill(collaboration)
    values = {**prefilled, **{k: v for k, v in texts.items() if v is not None}}
    # An English text says what its Japanese one does: where the desk rewrote (or removed) the
    # Japanese text, the English prefill is dropped rather than left saying something else.
    for name in PREFILLED_IN_BOTH:
        if f"{name}_en" not in texts and _same_text(values.get(name)) != _same_text(
                prefilled[name]):
            values[f"{name}_en"] = ""
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


def _lock(case: Case) -> Case:
    return Case.objects.select_for_update().select_related("body").get(pk=case.pk)


def _require(actor, perm: str, case: Case) -> None:
    import rules

    if actor is None or not rules.has_perm(perm, actor, case):
        raise PermissionDenied(gettext_lazy("You may not do this."))


@transaction.atomic
def case_publish(*, actor, case: Case) -> Case:
    """Show a draft case in the library, or again one that was taken out of it."""
    case = _lock(case)
    if case.published_at is not None:
        raise ValidationError(_("The case is already published."), code="published")
    _require(actor, "cases.publish_case", case)
    case.published_at = timezone.now()
    case.save(update_fields=["published_at", "updated_at"])
    audit_record(actor=actor, action="cases.publish", target=case, body_code=case.body.code,
                 from_state="draft", to_state="published")
    return case


@transaction.atomic
def case_unpublish(*, actor, case: Case, reason: str = "") -> Case:
    """Take a case out of the public library (to correct it, or because it should not be
    there); it stays with the desk as a draft and can be published again. ``reason`` is for the
    audit trail only."""
    case = _lock(case)
    if case.published_at is None:
        raise ValidationError(_("The case is not published."), code="not_published")
    _require(actor, "cases.unpublish_case", case)
    case.published_at = None
    case.save(update_fields=["published_at", "updated_at"])
    audit_record(actor=actor, action="cases.unpublish", target=case, body_code=case.body.code,
                 from_state="published", to_state="draft", reason=(reason or "").strip())
    return case


class CaseChangedError(ValidationError):
    """Someone saved the case since the editor loaded it."""


# ``expected_updated_at`` not given: the caller does not ask for the check (demo, scripts).
NOT_CHECKED = object()
# Long texts are not copied into the audit trail: it says which of them changed.
LONG_TEXTS = tuple(name for name in TEXTS if name not in ("title", "title_en", "partners_text"))
LIMITS = {"title": 200, "title_en": 200, "partners_text": 500}


def _clean_texts(texts: dict) -> dict:
    unknown = set(texts) - set(TEXTS)
    if unknown:
        raise TypeError(f"Unknown case texts: {', '.join(sorted(unknown))}")
    cleaned, errors = {}, {}
    for name, value in texts.items():
        # One-line texts are normalised (NFKC, spaces); paragraphs keep their lines.
        value = normalize(value) if name in LIMITS else (value or "").strip()
        if name in LIMITS and len(value) > LIMITS[name]:
            errors[name] = ValidationError(
                _("Write at most %(limit)s characters (now %(count)s)."),
                params={"limit": LIMITS[name], "count": len(value)},
            )
        cleaned[name] = value
    if "title" in cleaned and not cleaned["title"]:
        errors["title"] = _("Give the case a title.")
    if "summary" in cleaned and not cleaned["summary"]:
        errors["summary"] = _("Summarise the case.")
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def case_update(*, actor, case: Case, expected_updated_at=NOT_CHECKED, **texts) -> Case:
    """The desk corrects a case's texts, in Japanese and in English; published, the library
    and the API show the correction at once.

    ``expected_updated_at``: when the editor loaded the case; a save in between is refused
    (``CaseChangedError``) instead of silently overwritten. Saving what the case already says
    changes nothing (so a second click of the same form is harmless)."""
    case = _lock(case)
    _require(actor, "cases.change_case", case)
    texts = _clean_texts(texts)
    changed = [name for name, value in texts.items() if getattr(case, name) != value]
    if not changed:
        return case
    if expected_updated_at is not NOT_CHECKED and case.updated_at != expected_updated_at:
        raise CaseChangedError(
            _("Someone saved this case while you were working on it. What you typed is kept "
              "below: look at the case again and save."),
            code="stale",
        )
    before = {name: getattr(case, name) for name in changed}
    for name in changed:
        setattr(case, name, texts[name])
    case.save(update_fields=[*changed, "updated_at"])
    audit_record(
        actor=actor, action="cases.update", target=case, body_code=case.body.code,
        changes={name: ["…", "…"] if name in LONG_TEXTS else [before[name], texts[name]]
                 for name in changed},
    )
    return case
