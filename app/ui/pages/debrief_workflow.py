"""The debrief page's workflow: the heading and review note that say where a
debrief stands, submitting a draft (after saying what still stands in the way),
and a handler's approval or return, each after one question that names the
debrief. Functions of the page; their texts are translated in the
"DebriefPage" context, as the page's own."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from app.domain.enums import DebriefStatus
from app.domain.meeting import met_at
from app.services.records import debriefs
from app.services.views import DebriefView
from app.ui.confirm import ConfirmDialog, ask, ask_with_comment
from app.ui.errors import show_error
from app.ui.labels import label
from app.ui.widgets import day_text, local_time

if TYPE_CHECKING:
    from app.ui.pages.debrief_editor import DebriefPage

translate = QCoreApplication.translate


def submit(page: DebriefPage) -> None:
    """Submit after saving; first say what still blocks it (an emptied field the
    vault still holds, or what is missing), then ask once, naming the debrief."""
    if page.view is None:
        return
    page.save_now()
    if page._kept:
        # What was emptied here is still in the vault: it would go out as saved.
        box = QMessageBox(page)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("DebriefPage", "Not submitted"))
        box.setText(
            translate(
                "DebriefPage",
                "You emptied {fields}, but the vault still holds the saved text. "
                "Bring it back or empty it in the vault too, then submit.",
            ).format(fields=", ".join(field_name(n) for n in page._kept))
        )
        box.open()
        return
    missing = debriefs.submit_blockers(page.session.vault, page.session.scope, page.view.id)
    if missing:
        box = QMessageBox(page)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("DebriefPage", "Not submitted"))
        box.setText(
            translate("DebriefPage", "Cannot submit yet; still missing:")
            + "\n• "
            + "\n• ".join(blocker_text(b) for b in missing)
        )
        box.open()
        return
    debrief_id = page.view.id

    def confirmed() -> None:
        try:
            debriefs.submit(page.session.vault, page.session.scope, debrief_id)
        except Exception as exc:
            show_error(page, exc, translate("DebriefPage", "Not submitted"))
            return
        page.reload()

    ask(
        page,
        title=translate("DebriefPage", "Submit debrief"),
        text=translate(
            "DebriefPage",
            "Submit the debrief of {day} for {codename} to the handler? You cannot "
            "edit it afterwards, only add addenda.",
        ).format(**naming(page.view)),
        confirm=translate("DebriefPage", "Submit"),
        on_confirm=confirmed,
        name="submitConfirm",
    )


def approve(page: DebriefPage) -> ConfirmDialog | None:
    if page.view is None:
        return None
    debrief_id = page.view.id

    def confirmed() -> None:
        try:
            debriefs.approve(page.session.vault, page.session.scope, debrief_id)
        except Exception as exc:
            show_error(page, exc)
            return
        page.reload()

    return ask(
        page,
        title=translate("DebriefPage", "Approve debrief"),
        text=translate(
            "DebriefPage",
            "Approve the debrief of {day} for {codename} by {author}? An approved "
            "debrief can no longer be returned.",
        ).format(**naming(page.view)),
        confirm=translate("DebriefPage", "Approve"),
        on_confirm=confirmed,
        name="approveConfirm",
    )


def return_to_runner(page: DebriefPage) -> ConfirmDialog | None:
    if page.view is None:
        return None
    debrief_id = page.view.id

    def send_back(comment: str) -> None:
        try:
            debriefs.return_to_runner(page.session.vault, page.session.scope, debrief_id, comment)
        except Exception as exc:
            show_error(page, exc)
            return
        page.reload()

    return ask_with_comment(
        page,
        title=translate("DebriefPage", "Return to runner"),
        text=translate(
            "DebriefPage",
            "Return the debrief of {day} for {codename} to {author}? They answer "
            "with an addendum and submit it again.",
        ).format(**naming(page.view)),
        comment=translate("DebriefPage", "What must the runner clarify or add?"),
        confirm=translate("DebriefPage", "Return"),
        on_confirm=send_back,
        name="returnConfirm",
    )


def show_status(page: DebriefPage, v: DebriefView) -> None:
    """The heading (codename, contact, status, author) and the review note."""
    contact = ""
    if v.contact is not None:
        c = v.contact
        contact = " · " + " ".join(
            part
            for part in (
                label(c.kind),
                local_time(c.occurred_at),
                c.location_codeword and f"@ {c.location_codeword}",
            )
            if part
        )
    page.heading.setText(
        f"<span style='font-size:15pt'><b>{escape(v.codename)}</b></span>{escape(contact)}"
        f" · <b>{label(v.status)}</b> · "
        + escape(translate("DebriefPage", "written by {author}").format(author=v.author or "?"))
    )
    page.review.setStyleSheet(
        "color: #006400;" if v.status is DebriefStatus.APPROVED else "color: #b00020;"
    )
    if v.status is DebriefStatus.RETURNED:
        page.review.setText(
            translate(
                "DebriefPage",
                "Returned by {who}: {comment} — answer with an addendum, then submit again.",
            ).format(who=v.reviewer or "?", comment=v.review_comment)
        )
    elif v.status is DebriefStatus.APPROVED:
        page.review.setText(
            translate("DebriefPage", "Approved by {who}.").format(who=v.reviewer or "?")
        )
    else:
        page.review.clear()
    page.review.setVisible(bool(page.review.text()))  # no empty line above the narrative


def naming(view: DebriefView | None) -> dict[str, str]:
    """What a question calls this debrief: the day of its contact (or of its
    writing) and the source's codename."""
    v = view
    if v is None:
        return {"day": "", "codename": "", "author": ""}
    return {"day": day_text(met_at(v)), "codename": v.codename, "author": v.author or "?"}


def field_name(name: str) -> str:
    """What a question calls a text field of the debrief."""
    return {
        "narrative": translate("DebriefPage", "the narrative"),
        "welfare_observations": translate("DebriefPage", "the welfare notes"),
        "security_observations": translate("DebriefPage", "the security notes"),
        "runner_assessment": translate("DebriefPage", "the assessment"),
        "critical_reflection": translate("DebriefPage", "the critical reflection"),
    }[name]


def blocker_text(blocker: debriefs.Blocker) -> str:
    names = {
        "narrative": translate("DebriefPage", "the narrative"),
        "critical reflection": translate("DebriefPage", "the critical reflection"),
        "text": translate("DebriefPage", "what the source reported"),
        "source evaluation": translate("DebriefPage", "the source evaluation"),
        "intelligence assessment": translate("DebriefPage", "the intelligence assessment"),
        "handling code": translate("DebriefPage", "the handling code"),
        "handling conditions": translate("DebriefPage", "the handling conditions"),
    }
    what = names.get(blocker.what, blocker.what)
    if blocker.item is None:
        return what
    return translate("DebriefPage", "item {n}: {what}").format(n=blocker.item, what=what)
