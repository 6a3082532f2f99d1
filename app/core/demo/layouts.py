"""The files the demo retailer writes: names, exact header lines, encodings, delimiters.

Header lines marked [DOMAIN] are copied verbatim from the appendix of ../shared/docs/DOMAIN.md
(quirks included); the others are the layouts we chose for exports that have no public
standard, exactly:

    till_clienti.csv        (cp1252, `;`, CRLF)
    Codice carta;Cognome;Nome;Data di nascita;Sesso;Indirizzo;CAP;Città;Provincia;Telefono;Cellulare;E-mail;Consenso marketing;Data iscrizione;Negozio
    till_scontrini.csv      (UTF-8 with BOM, `;`, CRLF, decimal commas, Data dd/mm/yyyy, Ora HH:MM local)
    Data;Ora;Negozio;Cassa;Numero documento;Codice carta;Email scontrino;Importo
    mailchimp_activity.csv  (UTF-8, `,`; one row per open or click; Send Time/Timestamp ISO 8601 UTC;
                             Action open|click; URL only on clicks; Email ID = MD5 of the lower-case address)
    Email Address,Email ID,Campaign ID,Campaign Title,Send Time,Action,Timestamp,URL
    web_events.csv          (UTF-8, `,`; event_date YYYYMMDD in Europe/Rome, event_timestamp µs UTC,
                             user_id = Shopify Customer ID when logged in, utm_* = the session's source)
    event_date,event_timestamp,event_name,user_pseudo_id,user_id,utm_source,utm_medium,utm_campaign,page_location
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Layout:
    file_name: str
    format_id: str  # the importer's registry id (`auto` for layouts the auto-mapper handles)
    kind: str  # contacts | events
    channel: str  # fields.CHANNELS id
    headers: tuple[str, ...]
    encoding: str  # Python codec name as written ("utf-8-sig" = UTF-8 with BOM)
    delimiter: str
    line_end: str
    description: str


def _split(line: str, sep: str = ",") -> tuple[str, ...]:
    return tuple(line.split(sep))


# Italian till program, loyalty-card registry: `;`, cp1252 (an old Windows desktop program), CRLF.
TILL_CONTACTS = Layout(
    "till_clienti.csv", "auto", "contacts", "store",
    _split("Codice carta;Cognome;Nome;Data di nascita;Sesso;Indirizzo;CAP;Città;Provincia;Telefono;"
           "Cellulare;E-mail;Consenso marketing;Data iscrizione;Negozio", ";"),
    "cp1252", ";", "\r\n",
    "Loyalty-card registry from the stores' till program (cashier-typed)",
)

# Receipts from the same vendor's cloud back office: `;`, UTF-8 with BOM, decimal commas, CRLF.
TILL_RECEIPTS = Layout(
    "till_scontrini.csv", "auto", "events", "store",
    _split("Data;Ora;Negozio;Cassa;Numero documento;Codice carta;Email scontrino;Importo", ";"),
    "utf-8-sig", ";", "\r\n",
    "Till receipts: card holders, e-receipt emails, anonymous sales",
)

SHOPIFY_CUSTOMERS = Layout(  # [DOMAIN] Shopify customers (2024+)
    "shopify_customers.csv", "shopify_customers", "contacts", "online_shop",
    _split("Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,"
           "Default Address Address1,Default Address Address2,Default Address City,"
           "Default Address Province Code,Default Address Country Code,Default Address Zip,"
           "Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags"),
    "utf-8", ",", "\n",
    "Shopify customer accounts (2024+ layout)",
)

SHOPIFY_ORDERS = Layout(  # [DOMAIN] Shopify orders, 79 columns, one row per line item
    "shopify_orders.csv", "shopify_orders", "events", "online_shop",
    _split("Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,"
           "Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,"
           "Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,"
           "Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,"
           "Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,"
           "Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,"
           "Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,"
           "Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,"
           "Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,"
           "Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,"
           "Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,"
           "Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,"
           "Next Payment Due At,Payment References"),
    "utf-8", ",", "\n",
    "Shopify orders, one row per line item (web, a few POS)",
)
# Columns repeated on every line-item row of an order; all others only on its first row.
SHOPIFY_LINE_COLUMNS = (
    "Name", "Email", "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem compare at price",
    "Lineitem sku", "Lineitem requires shipping", "Lineitem taxable", "Lineitem fulfillment status",
    "Vendor", "Lineitem discount",
)

# [DOMAIN] Mailchimp subscribed; the unsubscribed and cleaned files insert their columns after
# REGION (as real exports do), everything else identical. Written fully quoted, UTF-8, LF.
MAILCHIMP_SUBSCRIBED_HEADERS = _split(
    "Email Address,First Name,Last Name,Address,Phone Number,Birthday,MEMBER_RATING,OPTIN_TIME,OPTIN_IP,"
    "CONFIRM_TIME,CONFIRM_IP,LATITUDE,LONGITUDE,GMTOFF,DSTOFF,TIMEZONE,CC,REGION,LAST_CHANGED,LEID,EUID,"
    "NOTES,TAGS")
MAILCHIMP_UNSUB_EXTRA = ("UNSUB_TIME", "UNSUB_CAMPAIGN_TITLE", "UNSUB_CAMPAIGN_ID", "UNSUB_REASON",
                         "UNSUB_REASON_OTHER")
MAILCHIMP_CLEAN_EXTRA = ("CLEAN_TIME", "CLEAN_CAMPAIGN_TITLE", "CLEAN_CAMPAIGN_ID")


def mailchimp_headers(status: str) -> tuple[str, ...]:
    """Header of the audience file for `subscribed`, `unsubscribed` or `cleaned` members."""
    extra = {"subscribed": (), "unsubscribed": MAILCHIMP_UNSUB_EXTRA, "cleaned": MAILCHIMP_CLEAN_EXTRA}[status]
    cut = MAILCHIMP_SUBSCRIBED_HEADERS.index("REGION") + 1
    return MAILCHIMP_SUBSCRIBED_HEADERS[:cut] + extra + MAILCHIMP_SUBSCRIBED_HEADERS[cut:]


MAILCHIMP_AUDIENCE = Layout(
    "mailchimp_audience.zip", "mailchimp_audience", "contacts", "email",
    MAILCHIMP_SUBSCRIBED_HEADERS, "utf-8", ",", "\n",
    "Mailchimp audience export: subscribed / unsubscribed / cleaned members",
)
MAILCHIMP_LIST_ID = "b7c3e1a94f"  # the <id> in subscribed_members_export_<id>.csv

# Our layout for Mailchimp campaign activity: the API's email-activity report flattened, one row
# per action (open or click) per recipient and campaign. Timestamps ISO 8601 UTC as the API gives.
MAILCHIMP_ACTIVITY = Layout(
    "mailchimp_activity.csv", "mailchimp_activity", "events", "email",
    _split("Email Address,Email ID,Campaign ID,Campaign Title,Send Time,Action,Timestamp,URL"),
    "utf-8", ",", "\n",
    "Mailchimp campaign activity: opens and clicks per recipient",
)

# [DOMAIN] Meta lead ads: TAB-separated; UTF-16 LE with BOM by default (configurable). The importer
# reads it as `lead` events each carrying an identity, so it is both: one row = one person record.
META_LEADS = Layout(
    "meta_leads.tsv", "meta_leads", "events", "ads",
    _split("id\tcreated_time\tad_id\tad_name\tadset_id\tadset_name\tcampaign_id\tcampaign_name\tform_id\t"
           "form_name\tis_organic\tplatform\tfull_name\tphone_number\temail\tcity\tlead_status", "\t"),
    "utf-16", "\t", "\n",
    "Meta (Facebook/Instagram) lead-ad form submissions",
)

# GA4 BigQuery export flattened to one row per event; utm_* are the session's traffic source.
WEB_EVENTS = Layout(
    "web_events.csv", "web_analytics", "events", "web",
    _split("event_date,event_timestamp,event_name,user_pseudo_id,user_id,utm_source,utm_medium,"
           "utm_campaign,page_location"),
    "utf-8", ",", "\n",
    "Web analytics events (GA4-like): visits, carts, checkouts, purchases",
)

# Files where every row is one person's record ("contact rows": the matching benchmarks' input).
CONTACT_LAYOUTS = (TILL_CONTACTS, SHOPIFY_CUSTOMERS, MAILCHIMP_AUDIENCE, META_LEADS)
EVENT_LAYOUTS = (TILL_RECEIPTS, SHOPIFY_ORDERS, MAILCHIMP_ACTIVITY, WEB_EVENTS)
ALL_LAYOUTS = CONTACT_LAYOUTS + EVENT_LAYOUTS

# GA4 event names that are online touches for ROPO (a `purchase` is a conversion, not a touch).
WEB_TOUCH_EVENTS = ("page_view", "view_item", "add_to_cart", "begin_checkout")
