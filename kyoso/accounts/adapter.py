from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Kyoso's allauth adapter: open sign-up for partners; staff are added by their body."""

    def populate_username(self, request, user):
        # Users have no username; the e-mail address is the login.
        return None
