from kyoso.organizations.validators import corporate_number_check_digit


def corporate_number(last_twelve: str = "700110005901") -> str:
    """A valid 法人番号 ending in ``last_twelve``."""
    return f"{corporate_number_check_digit(last_twelve)}{last_twelve}"
