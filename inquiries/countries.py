"""Countries of residence, as ISO 3166-1 alpha-2 codes with their English names.

Kept in code (no extra dependency): the list changes a few times a decade. Their
names in the site's other languages are in ``locale/countries.json``, written
from the Unicode CLDR by ``scripts/country-names``; staff read the English ones.
"""

import functools
import json
import unicodedata
from pathlib import Path

from django.conf import settings
from django.utils.translation import get_language

COUNTRIES = """
AF Afghanistan|AX Åland Islands|AL Albania|DZ Algeria|AS American Samoa|AD Andorra
AO Angola|AI Anguilla|AQ Antarctica|AG Antigua and Barbuda|AR Argentina|AM Armenia
AW Aruba|AU Australia|AT Austria|AZ Azerbaijan|BS Bahamas|BH Bahrain|BD Bangladesh
BB Barbados|BY Belarus|BE Belgium|BZ Belize|BJ Benin|BM Bermuda|BT Bhutan|BO Bolivia
BQ Bonaire, Sint Eustatius and Saba|BA Bosnia and Herzegovina|BW Botswana
BV Bouvet Island|BR Brazil|IO British Indian Ocean Territory|BN Brunei|BG Bulgaria
BF Burkina Faso|BI Burundi|CV Cabo Verde|KH Cambodia|CM Cameroon|CA Canada
KY Cayman Islands|CF Central African Republic|TD Chad|CL Chile|CN China
CX Christmas Island|CC Cocos (Keeling) Islands|CO Colombia|KM Comoros|CG Congo
CD Congo (Democratic Republic)|CK Cook Islands|CR Costa Rica|CI Côte d'Ivoire
HR Croatia|CU Cuba|CW Curaçao|CY Cyprus|CZ Czechia|DK Denmark|DJ Djibouti|DM Dominica
DO Dominican Republic|EC Ecuador|EG Egypt|SV El Salvador|GQ Equatorial Guinea
ER Eritrea|EE Estonia|SZ Eswatini|ET Ethiopia|FK Falkland Islands|FO Faroe Islands
FJ Fiji|FI Finland|FR France|GF French Guiana|PF French Polynesia
TF French Southern Territories|GA Gabon|GM Gambia|GE Georgia|DE Germany|GH Ghana
GI Gibraltar|GR Greece|GL Greenland|GD Grenada|GP Guadeloupe|GU Guam|GT Guatemala
GG Guernsey|GN Guinea|GW Guinea-Bissau|GY Guyana|HT Haiti
HM Heard Island and McDonald Islands|VA Holy See|HN Honduras|HK Hong Kong|HU Hungary
IS Iceland|IN India|ID Indonesia|IR Iran|IQ Iraq|IE Ireland|IM Isle of Man|IL Israel
IT Italy|JM Jamaica|JP Japan|JE Jersey|JO Jordan|KZ Kazakhstan|KE Kenya|KI Kiribati
KP Korea (North)|KR Korea (South)|KW Kuwait|KG Kyrgyzstan|LA Laos|LV Latvia
LB Lebanon|LS Lesotho|LR Liberia|LY Libya|LI Liechtenstein|LT Lithuania|LU Luxembourg
MO Macao|MG Madagascar|MW Malawi|MY Malaysia|MV Maldives|ML Mali|MT Malta
MH Marshall Islands|MQ Martinique|MR Mauritania|MU Mauritius|YT Mayotte|MX Mexico
FM Micronesia|MD Moldova|MC Monaco|MN Mongolia|ME Montenegro|MS Montserrat|MA Morocco
MZ Mozambique|MM Myanmar|NA Namibia|NR Nauru|NP Nepal|NL Netherlands|NC New Caledonia
NZ New Zealand|NI Nicaragua|NE Niger|NG Nigeria|NU Niue|NF Norfolk Island
MK North Macedonia|MP Northern Mariana Islands|NO Norway|OM Oman|PK Pakistan|PW Palau
PS Palestine|PA Panama|PG Papua New Guinea|PY Paraguay|PE Peru|PH Philippines
PN Pitcairn|PL Poland|PT Portugal|PR Puerto Rico|QA Qatar|RE Réunion|RO Romania
RU Russia|RW Rwanda|BL Saint Barthélemy|SH Saint Helena|KN Saint Kitts and Nevis
LC Saint Lucia|MF Saint Martin|PM Saint Pierre and Miquelon
VC Saint Vincent and the Grenadines|WS Samoa|SM San Marino|ST Sao Tome and Principe
SA Saudi Arabia|SN Senegal|RS Serbia|SC Seychelles|SL Sierra Leone|SG Singapore
SX Sint Maarten|SK Slovakia|SI Slovenia|SB Solomon Islands|SO Somalia|ZA South Africa
GS South Georgia and the South Sandwich Islands|SS South Sudan|ES Spain|LK Sri Lanka
SD Sudan|SR Suriname|SJ Svalbard and Jan Mayen|SE Sweden|CH Switzerland|SY Syria
TW Taiwan|TJ Tajikistan|TZ Tanzania|TH Thailand|TL Timor-Leste|TG Togo|TK Tokelau
TO Tonga|TT Trinidad and Tobago|TN Tunisia|TR Türkiye|TM Turkmenistan
TC Turks and Caicos Islands|TV Tuvalu|UG Uganda|UA Ukraine|AE United Arab Emirates
GB United Kingdom|US United States|UM United States Minor Outlying Islands|UY Uruguay
UZ Uzbekistan|VU Vanuatu|VE Venezuela|VN Viet Nam|VG Virgin Islands (British)
VI Virgin Islands (U.S.)|WF Wallis and Futuna|EH Western Sahara|YE Yemen|ZM Zambia
ZW Zimbabwe
"""

COUNTRY_CHOICES = sorted(
    (
        (entry[:2], entry[3:])
        for entry in COUNTRIES.replace("\n", "|").split("|")
        if entry.strip()
    ),
    key=lambda choice: choice[1],
)
COUNTRY_NAMES = dict(COUNTRY_CHOICES)

# Names people type that the ISO list spells otherwise.
COUNTRY_ALIASES = {
    "uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "usa": "US",
    "america": "US",
    "uae": "AE",
    "turkey": "TR",
    "vietnam": "VN",
    "czech republic": "CZ",
    "south korea": "KR",
    "north korea": "KP",
    "ivory coast": "CI",
    "holland": "NL",
    "burma": "MM",
    "drc": "CD",
}


def _folded(text: str) -> str:
    """Lower case without accents: "Türkiye" and "turkiye" match."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_FOLDED_NAMES = [(code, _folded(name)) for code, name in COUNTRY_CHOICES]


def country_codes_named(term: str) -> list[str]:
    """The codes of the countries whose name has a word starting with ``term``
    (at least 3 letters, so "in" finds nothing), or that a common alias names:
    a coordinator searches "nigeria", the row stores "NG"."""
    wanted = " ".join(_folded(term).split())
    if len(wanted) < 3:
        return [COUNTRY_ALIASES[wanted]] if wanted in COUNTRY_ALIASES else []
    codes = {
        code
        for code, name in _FOLDED_NAMES
        if name.startswith(wanted) or f" {wanted}" in name or f"({wanted}" in name
    }
    if wanted in COUNTRY_ALIASES:
        codes.add(COUNTRY_ALIASES[wanted])
    return sorted(codes)


@functools.cache
def _names_by_language() -> dict[str, dict[str, str]]:
    path = Path(settings.LOCALE_PATHS[0]) / "countries.json"
    return json.loads(path.read_text(encoding="utf-8"))


def country_name(code: str, language: str | None = None) -> str:
    """The country's name in ``language`` (the active one by default), else in
    English: the source language has no entry of its own."""
    names = _names_by_language().get(language or get_language() or "", {})
    return names.get(code) or COUNTRY_NAMES.get(code, code)


def country_choices(language: str | None = None) -> list[tuple[str, str]]:
    """The form's choices in the reader's language and its alphabetical order
    (accents and case aside): an Arabic reader finds مصر among the م."""
    return list(_sorted_choices(language or get_language() or ""))


@functools.cache
def _sorted_choices(language: str) -> tuple[tuple[str, str], ...]:
    # Sorted once per language and process, not on every form drawn.
    return tuple(
        sorted(
            ((code, country_name(code, language)) for code, _name in COUNTRY_CHOICES),
            key=lambda choice: _folded(choice[1]),
        )
    )
