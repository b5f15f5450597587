"""Places that are not identifiers under Safe Harbor: US states, countries, continents.

spaCy tags them LOCATION; only geographic units smaller than a state are redacted.
"""

from __future__ import annotations

STATES = (
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
    "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
    "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
    "nevada", "new hampshire", "new jersey", "new mexico", "new york", "new york state", "north carolina",
    "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina",
    "south dakota", "tennessee", "texas", "utah", "vermont", "virginia", "washington state", "west virginia",
    "wisconsin", "wyoming", "district of columbia", "puerto rico", "guam",
)
COUNTRIES = (
    "us", "usa", "america", "united states", "united states of america", "canada", "mexico", "uk",
    "united kingdom", "britain", "great britain", "england", "scotland", "wales", "ireland", "northern ireland",
    "france", "germany", "spain", "portugal", "italy", "netherlands", "holland", "belgium", "switzerland",
    "austria", "sweden", "norway", "denmark", "finland", "iceland", "poland", "czech republic", "czechia",
    "slovakia", "hungary", "romania", "bulgaria", "greece", "turkey", "russia", "ukraine", "china", "japan",
    "korea", "south korea", "north korea", "india", "pakistan", "bangladesh", "sri lanka", "nepal", "vietnam",
    "thailand", "philippines", "indonesia", "malaysia", "singapore", "australia", "new zealand", "brazil",
    "argentina", "chile", "peru", "colombia", "venezuela", "ecuador", "bolivia", "uruguay", "paraguay", "cuba",
    "jamaica", "haiti", "dominican republic", "nigeria", "ghana", "kenya", "ethiopia", "egypt", "morocco",
    "algeria", "tunisia", "south africa", "israel", "palestine", "lebanon", "syria", "jordan", "iraq", "iran",
    "saudi arabia", "uae", "united arab emirates", "qatar", "kuwait", "afghanistan",
)
# States, provinces and territories of other countries: units as large as a US state.
PROVINCES = (
    "ontario", "quebec", "british columbia", "alberta", "manitoba", "saskatchewan", "nova scotia",
    "new brunswick", "newfoundland", "newfoundland and labrador", "prince edward island", "yukon",
    "yukon territory", "northwest territories", "nunavut", "new south wales", "queensland", "victoria",
    "western australia", "south australia", "tasmania", "northern territory", "australian capital territory",
    "andhra pradesh", "arunachal pradesh", "assam", "bihar", "chhattisgarh", "goa", "gujarat", "haryana",
    "himachal pradesh", "jharkhand", "karnataka", "kerala", "madhya pradesh", "maharashtra", "manipur",
    "meghalaya", "mizoram", "nagaland", "odisha", "punjab", "rajasthan", "sikkim", "tamil nadu", "telangana",
    "tripura", "uttar pradesh", "uttarakhand", "west bengal", "bavaria", "bayern", "hesse", "hessen", "saxony",
    "sachsen", "brandenburg", "ile de france", "provence", "normandy", "brittany",
)
REGIONS = ("europe", "asia", "africa", "north america", "south america", "latin america", "middle east",
           "caribbean", "antarctica", "oceania", "east coast", "west coast", "midwest")
NOT_IDENTIFYING = frozenset(STATES + COUNTRIES + REGIONS + PROVINCES)
# How states and provinces are written short ("Hartford, CT 06103", "Toowoomba QLD 4350").
STATE_CODES = frozenset("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
                        "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC".split())
REGION_CODES = STATE_CODES | frozenset("QLD NSW VIC TAS WA SA NT ACT ON QC BC AB MB SK NS NB NL PE YT NU".split())


def is_identifying_place(text: str) -> bool:
    """False for a state, country or region (kept); True for anything smaller (redacted)."""
    key = " ".join(text.lower().replace(".", "").split())
    key = key[4:] if key.startswith("the ") else key
    return key not in NOT_IDENTIFYING
