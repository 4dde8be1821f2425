"""Export a body's catalog (every project, disclosed or not) as CSV or XLSX."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kyoso.core.fiscal import parse_fiscal_year
from kyoso.organizations.models import GovernmentBody

from ...io.exporter import projects_for_export, write_csv, write_xlsx


class Command(BaseCommand):
    help = "Export a body's catalog as CSV (UTF-8 with BOM) or XLSX, in the importer's columns."

    def add_arguments(self, parser):
        parser.add_argument("body_code", help="local government code of the body, e.g. 410004")
        parser.add_argument("file", help="where to write: a path ending in .csv or .xlsx")
        parser.add_argument("--fiscal-year", help="only this fiscal year (2025, 令和7年度, R7)")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if path.suffix.lower() not in (".csv", ".xlsx"):
            raise CommandError("The file name must end in .csv or .xlsx.")
        try:
            body = GovernmentBody.objects.get(code=options["body_code"])
        except GovernmentBody.DoesNotExist:
            raise CommandError(f"No government body with code {options['body_code']}.") from None
        fiscal_year = None
        if options["fiscal_year"]:
            try:
                fiscal_year = parse_fiscal_year(options["fiscal_year"])
            except ValueError:
                raise CommandError(f"Not a fiscal year: {options['fiscal_year']}") from None
        projects = projects_for_export(body, fiscal_year=fiscal_year)
        count = projects.count()
        if path.suffix.lower() == ".csv":
            # newline="" keeps the CRLF the CSV writer produces.
            with path.open("w", encoding="utf-8", newline="") as stream:
                write_csv(projects.iterator(chunk_size=1000), stream)
        else:
            with path.open("wb") as stream:
                write_xlsx(projects.iterator(chunk_size=1000), stream)
        self.stdout.write(f"Wrote {count} projects of {body} to {path}.")
