"""Normalisation: pure, deterministic functions from messy cell values to comparable keys.

`normalize_record` / `normalize_frame` (record.py) produce the `records.n_*` columns matching reads;
the per-field functions are re-exported here for importers, matching and exports.
"""
from app.core.normalize.address import (
    city_key, country_code, is_italian_province, normalize_postcode, normalize_street, province_code,
)
from app.core.normalize.codice_fiscale import CFInfo, cf_info, is_valid_cf, normalize_cf
from app.core.normalize.dates import (
    DateOrderGuess, PartialDate, combine_date_time, infer_date_order, parse_date, parse_datetime, parse_time,
)
from app.core.normalize.email import (
    EmailHints, clean_email, domain_typo, email_key, is_role_address, is_valid_email, local_part_hints,
)
from app.core.normalize.names import (
    PARTICLES, are_nickname_pair, clean_name, first_name_info, first_name_variants, name_key, split_full_name,
)
from app.core.normalize.phone import format_phone, phone_type, to_e164
from app.core.normalize.record import N_COLUMNS, RowNormalizer, normalize_frame, normalize_record
from app.core.normalize.values import (
    looks_like_formula, parse_amount, parse_bool, parse_consent, parse_gender, strip_text_prefix,
)

__all__ = [
    "CFInfo", "DateOrderGuess", "EmailHints", "N_COLUMNS", "PARTICLES", "PartialDate", "RowNormalizer",
    "are_nickname_pair",
    "cf_info", "city_key", "clean_email", "clean_name", "combine_date_time", "country_code", "domain_typo",
    "email_key", "first_name_info", "first_name_variants", "format_phone", "infer_date_order", "is_italian_province",
    "is_role_address",
    "is_valid_cf", "is_valid_email", "local_part_hints", "looks_like_formula", "name_key", "normalize_cf",
    "normalize_frame", "normalize_postcode", "normalize_record", "normalize_street", "parse_amount", "parse_bool",
    "parse_consent", "parse_date", "parse_datetime", "parse_gender", "parse_time", "phone_type", "province_code",
    "split_full_name", "strip_text_prefix", "to_e164",
]
