"""Official identifiers: 全国地方公共団体コード and 法人番号, each with its check digit."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def local_government_check_digit(first_five: str) -> int:
    """Check digit of a 全国地方公共団体コード (JIS X 0401/0402 + modulus 11, weights 6..2)."""
    total = sum(
        int(digit) * weight for digit, weight in zip(first_five, (6, 5, 4, 3, 2), strict=True)
    )
    return (11 - total % 11) % 10


def validate_local_government_code(value: str) -> None:
    if len(value) != 6 or not value.isascii() or not value.isdigit():
        raise ValidationError(_("A local government code has six digits, e.g. 410004."))
    if local_government_check_digit(value[:5]) != int(value[5]):
        raise ValidationError(_("The check digit of this local government code is wrong."))


def corporate_number_check_digit(last_twelve: str) -> int:
    """Check digit (the first digit) of a 13-digit 法人番号."""
    total = 0
    for position, digit in enumerate(reversed(last_twelve), start=1):
        total += int(digit) * (1 if position % 2 else 2)
    return 9 - total % 9


def validate_corporate_number(value: str) -> None:
    if len(value) != 13 or not value.isascii() or not value.isdigit():
        raise ValidationError(_("A corporate number has 13 digits."))
    if corporate_number_check_digit(value[1:]) != int(value[0]):
        raise ValidationError(_("The check digit of this corporate number is wrong."))
