"""``manage.py kyoso_worker``: Kyoso's background process.

It is django-tasks' database worker (``db_worker``) that first makes sure the periodic sweep is
planned; the sweep plans its own next run. Run one or more next to the web processes.
"""

import datetime as dt

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from kyoso.notifications.tasks import sweep_schedule


class Command(DatabaseWorkerCommand):
    help = (
        "Run Kyoso's background worker: e-mails of notices, reminders and escalations "
        "(django-tasks' database worker plus the periodic sweep)."
    )

    def handle(self, *args, **options):
        if sweep_schedule(delay=dt.timedelta(0)) is not None:
            self.stdout.write("Planned the periodic sweep.")
        return super().handle(*args, **options)
