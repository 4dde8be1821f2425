"""Import a body's catalog from a CSV or XLSX file, for scheduled or scripted updates.

Runs the same service as the import page: all or nothing, every problem printed as
``line<TAB>column<TAB>message``, exit status 1 when nothing was imported.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from kyoso.organizations.models import GovernmentBody

from ...io.importer import catalog_import


class Command(BaseCommand):
    help = "Import a body's catalog from CSV or XLSX (all rows or none)."

    def add_arguments(self, parser):
        parser.add_argument("body_code", help="local government code of the body, e.g. 410004")
        parser.add_argument("file", help="path of the .csv or .xlsx file")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="check the file and print the counts without importing",
        )
        parser.add_argument(
            "--actor",
            metavar="EMAIL",
            help="import as this user (who must administer the body); "
            "without it the import is recorded as done by the system",
        )

    def handle(self, *args, **options):
        try:
            body = GovernmentBody.objects.get(code=options["body_code"])
        except GovernmentBody.DoesNotExist:
            raise CommandError(f"No government body with code {options['body_code']}.") from None
        actor = None
        if options["actor"]:
            try:
                actor = get_user_model().objects.get(email__iexact=options["actor"])
            except get_user_model().DoesNotExist:
                raise CommandError(f"No user with e-mail {options['actor']}.") from None
        try:
            result = catalog_import(
                actor=actor, body=body, path=options["file"], dry_run=options["dry_run"]
            )
        except FileNotFoundError:
            raise CommandError(f"No such file: {options['file']}") from None
        except PermissionDenied:
            raise CommandError(
                f"{options['actor']} may not import the catalog of {body}."
            ) from None
        if not result.ok:
            for error in result.errors:
                self.stderr.write(f"{error.line or '-'}\t{error.column or '-'}\t{error.message}")
            raise CommandError(f"{len(result.errors)} problem(s); nothing was imported.")
        verb = "would be" if result.dry_run else "were"
        self.stdout.write(
            f"{result.rows} rows: {result.created} projects {verb} created, "
            f"{result.updated} updated, {result.unchanged} unchanged."
        )
        if result.departments_created:
            self.stdout.write(
                f"Departments that {verb} created: {', '.join(result.departments_created)}"
            )
        if result.ignored_columns:
            self.stdout.write(f"Columns not read: {', '.join(result.ignored_columns)}")
