"""Small sample files of every export Unico reads, written by code at test time (any test may use them).

Header lines are the verbatim ones of docs/DOMAIN.md's appendix; values are Italian and messy the
way real exports are (Shopify's leading apostrophes, decimal commas, dd/mm/yyyy, `p:+39…`).
``write_contacts_csv`` generates big Italian-style contact files for throughput measurements.
"""
from __future__ import annotations

import csv
import io
import random
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from app.core.importing._bench import write_contacts_csv  # noqa: F401  (big files: the benchmark's generator)

SHOPIFY_CUSTOMERS_2024 = ("Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,"
                          "Default Address Address1,Default Address Address2,Default Address City,"
                          "Default Address Province Code,Default Address Country Code,Default Address Zip,"
                          "Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,"
                          "Tax Exempt,Tags").split(",")
SHOPIFY_CUSTOMERS_OLD = ("First Name,Last Name,Email,Accepts Email Marketing,Company,Address1,Address2,City,Province,"
                         "Province Code,Country,Country Code,Zip,Phone,Accepts SMS Marketing,Total Spent,Total Orders,"
                         "Tags,Note,Tax Exempt").split(",")
SHOPIFY_ORDERS = ("Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,"
                  "Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,"
                  "Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,"
                  "Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,"
                  "Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,"
                  "Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,"
                  "Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,"
                  "Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,"
                  "Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,"
                  "Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,"
                  "Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,"
                  "Payment ID,Payment Terms Name,Next Payment Due At,Payment References").split(",")
WOOCOMMERCE_ORDERS = ("order_id,order_number,order_date,paid_date,status,shipping_total,shipping_tax_total,fee_total,"
                      "fee_tax_total,tax_total,cart_discount,order_discount,discount_total,order_total,order_subtotal,"
                      "order_currency,payment_method,payment_method_title,transaction_id,customer_ip_address,"
                      "customer_user_agent,shipping_method,customer_id,customer_user,customer_email,"
                      "billing_first_name,billing_last_name,billing_company,billing_email,billing_phone,"
                      "billing_address_1,billing_address_2,billing_postcode,billing_city,billing_state,"
                      "billing_country,shipping_first_name,shipping_last_name,shipping_company,shipping_phone,"
                      "shipping_address_1,shipping_address_2,shipping_postcode,shipping_city,shipping_state,"
                      "shipping_country,customer_note,wt_import_key,shipping_items,fee_items,tax_items,coupon_items,"
                      "refund_items,order_notes,download_permissions").split(",")
WOOCOMMERCE_CUSTOMERS = ["Name", "Username", "Last Active", "Sign Up", "Email", "Orders", "Total Spend", "AOV",
                         "Country / Region", "City", "Region", "Postal Code"]
MAILCHIMP_SUBSCRIBED = ("Email Address,First Name,Last Name,Address,Phone Number,Birthday,MEMBER_RATING,OPTIN_TIME,"
                        "OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,LATITUDE,LONGITUDE,GMTOFF,DSTOFF,TIMEZONE,CC,REGION,"
                        "LAST_CHANGED,LEID,EUID,NOTES,TAGS").split(",")
MAILCHIMP_UNSUB_EXTRA = ["UNSUB_TIME", "UNSUB_CAMPAIGN_TITLE", "UNSUB_CAMPAIGN_ID", "UNSUB_REASON",
                         "UNSUB_REASON_OTHER"]
MAILCHIMP_CLEANED_EXTRA = ["CLEAN_TIME", "CLEAN_CAMPAIGN_TITLE", "CLEAN_CAMPAIGN_ID"]
MAILCHIMP_ACTIVITY = ["Email Address", "Campaign ID", "Campaign Title", "Action", "Timestamp", "URL"]
KLAVIYO = ("Email,Klaviyo ID,First Name,Last Name,Organization,Title,Phone Number,Address,Address 2,City,"
           "State / Region,Country,Zip Code,Latitude,Longitude,Source,IP Address,Email Marketing Consent,"
           "Email Marketing Consent Timestamp,Historic Customer Lifetime Value,Total Customer Lifetime Value,"
           "Predicted Customer Lifetime Value,Average Order Value,Historic Number Of Orders,First Active,Last Active,"
           "Profile Created On,Date Added,Last Open,Last Click,Average Days Between Orders,Email Suppressions"
           ).split(",")
BREVO_IT = ["EMAIL", "COGNOME", "NOME", "SMS", "EMAIL_BLACKLISTED", "SMS_BLACKLISTED", "ADDED_TIME", "MODIFIED_TIME"]
LIGHTSPEED = ("Internal ID,Registered,Language,Firstname,LastnamePreposition,Lastname,E-Mail,Phone,Mobile,"
              "Customer type,Company,Coc number,Vat number,Attn,Streetname,Address 2,Number,Extension,Zipcode,City,"
              "Region,Country,Shipping Attn,Shipping company,Shipping Streetname,Shipping Address 2,Shipping Number,"
              "Shipping Extension,Shipping Zipcode,Shipping City,Shipping Region,Shipping Country,Groups,"
              "Date of Birth,Gender,Confirmed").split(",")
META_LEADS = ("id\tcreated_time\tad_id\tad_name\tadset_id\tadset_name\tcampaign_id\tcampaign_name\tform_id\t"
              "form_name\tis_organic\tplatform\tfull_name\tphone_number\temail\tcity\tlead_status").split("\t")
SQUARE_CUSTOMERS = ["First Name", "Last Name", "Email Address", "Phone Number", "Nickname", "Company Name",
                    "Street Address 1", "Street Address 2", "City", "State", "Postal Code", "Birthday", "Memo",
                    "Square Customer ID", "Creation Source", "First Visit", "Last Visit", "Transaction Count",
                    "Total Spend", "Email Subscription Status", "Reference ID"]
SQUARE_TRANSACTIONS = ("Date,Time,Time Zone,Gross Sales,Discounts,Service Charges,Net Sales,Gift Card Sales,Tax,Tip,"
                       "Partial Refunds,Total Collected,Source,Card,Card Entry Methods,Cash,Square Gift Card,"
                       "Other Tender,Other Tender Type,Tender Note,Fees,Net Total,Transaction ID,Payment ID,Card Brand,"
                       "PAN Suffix,Device Name,Staff Name,Staff ID,Details,Description,Event Type,Location,"
                       "Dining Option,Customer ID,Customer Name,Customer Reference ID,Device Nickname,"
                       "Third Party Fees,Deposit ID,Deposit Date,Deposit Details,Fee Percentage Rate,Fee Fixed Rate,"
                       "Refund Reason,Discount Name,Transaction Status,Cash App,Order Reference ID,Fulfillment Note,"
                       "Free Processing Applied,Channel,Unattributed Tips,Table Info,International Fee").split(",")
SQUARE_ITEMS = ("Date,Time,Time Zone,Category,Item,Qty,Price Point Name,SKU,Modifiers Applied,Gross Sales,Discounts,"
                "Net Sales,Tax,Transaction ID,Payment ID,Device Name,Notes,Details,Event Type,Location,Dining Option,"
                "Customer ID,Customer Name,Customer Reference ID,Unit,Count,GTIN,Itemization Type,Commission,Employee,"
                "Fulfillment Note,Channel,Token,Card Brand,PAN Suffix").split(",")
WEB_EVENTS = ["event_date", "event_timestamp", "event_name", "user_pseudo_id", "user_id", "utm_source", "utm_medium",
              "utm_campaign", "page_location"]
TILL_CONTACTS = ["Codice carta", "Cognome", "Nome", "Data di nascita", "Sesso", "Indirizzo", "CAP", "Città",
                 "Provincia", "Telefono", "Cellulare", "E-mail", "Consenso marketing", "Data iscrizione", "Negozio"]
TILL_RECEIPTS = ["Data", "Ora", "Negozio", "Cassa", "Numero documento", "Codice carta", "Email scontrino", "Importo"]


def write_table(path: Path, headers: Sequence[str], rows: Sequence[Sequence[object]], *, delimiter: str = ",",
                encoding: str = "utf-8", bom: bool = False, newline: str = "\r\n") -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=newline)
    w.writerow(headers)
    w.writerows([["" if v is None else v for v in r] for r in rows])
    data = buf.getvalue().encode(encoding)
    if bom and encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)
    return path


def row(headers: Sequence[str], **values: object) -> list[object]:
    """A row for these headers from {header: value}; headers with spaces/slashes use _ in the keys."""
    keyed = {h: "" for h in headers}
    for k, v in values.items():
        match = next((h for h in headers if k in (h, h.replace(" ", "_").replace("/", "_").replace("-", "_"))), None)
        if match is None:
            raise KeyError(k)
        keyed[match] = v
    return [keyed[h] for h in headers]


# -- contacts --------------------------------------------------------------------------------------
def shopify_customers(d: Path, layout: str = "2024") -> Path:
    h = SHOPIFY_CUSTOMERS_2024 if layout == "2024" else SHOPIFY_CUSTOMERS_OLD
    people = [
        dict(First_Name="Mario", Last_Name="Rossi", Email="Mario.Rossi@Gmail.com", Accepts_Email_Marketing="yes",
             Phone="'+393331234567", Accepts_SMS_Marketing="no", Total_Spent="120.50", Total_Orders="3",
             Tags="vip, horeca"),
        dict(First_Name="Giulia", Last_Name="D'Angelo", Email="giulia.dangelo@libero.it", Accepts_Email_Marketing="no",
             Phone="", Accepts_SMS_Marketing="no", Total_Spent="0.00", Total_Orders="0", Tags=""),
        dict(First_Name="Luca", Last_Name="Bianchi", Email="luca.b@hotmail.it", Accepts_Email_Marketing="yes",
             Phone="'3479876543", Accepts_SMS_Marketing="yes", Total_Spent="45.00", Total_Orders="1",
             Tags="newsletter"),
    ]
    rows = []
    for i, p in enumerate(people):
        if layout == "2024":
            p.update(Customer_ID=f"'72104483011{i:02d}", Default_Address_Address1="Via Roma 12",
                     Default_Address_City="Milano", Default_Address_Province_Code="MI",
                     Default_Address_Country_Code="IT", Default_Address_Zip="'20121", Tax_Exempt="no")
        else:
            p.update(Address1="Via Roma 12", City="Milano", Province="Milano", Province_Code="MI", Country="Italy",
                     Country_Code="IT", Zip="'20121", Tax_Exempt="no")
        rows.append(row(h, **p))
    return write_table(d / f"shopify_customers_{layout}.csv", h, rows)


def shopify_orders(d: Path) -> Path:
    h = SHOPIFY_ORDERS
    base = dict(Currency="EUR", Billing_Country="IT", Billing_City="Milano", Billing_Zip="'20121", Source="web")
    rows = [
        row(h, Name="#1001", Email="mario.rossi@gmail.com", Financial_Status="paid", Total="59.80",
            Created_at="2025-10-07 09:50:26 +0200", Lineitem_quantity="2", Lineitem_name="Tazza", Lineitem_price="9.90",
            Lineitem_sku="TZ-1", Billing_Name="Mario Rossi", Billing_Phone="'+393331234567", **base),
        row(h, Name="#1001", Lineitem_quantity="1", Lineitem_name="Teiera", Lineitem_price="40.00",
            Lineitem_sku="TE-2"),
        row(h, Name="#1002", Email="anna.verdi@gmail.com", Financial_Status="paid", Total="25.00",
            Created_at="2025-10-08 18:02:00 +0200", Lineitem_quantity="1", Lineitem_name="Candela",
            Lineitem_price="25.00", Billing_Name="Anna Verdi", **base),
        row(h, Name="#1003", Email="mario.rossi@gmail.com", Financial_Status="refunded", Total="12.00",
            Created_at="2025-10-09 11:00:00 +0200", Lineitem_quantity="1", Lineitem_name="Piattino",
            Lineitem_price="12.00", Billing_Name="Mario Rossi", **base),
        row(h, Name="#1004", Email="", Financial_Status="paid", Total="30.00", Currency="EUR",
            Created_at="2025-10-10 16:30:00 +0200", Lineitem_quantity="1", Lineitem_name="Vaso", Lineitem_price="30.00",
            Location="Negozio Milano", Source="pos"),
    ]
    return write_table(d / "shopify_orders.csv", h, rows)


def woocommerce_orders(d: Path) -> Path:
    h = WOOCOMMERCE_ORDERS
    rows = [
        row(h, order_id="501", order_number="501", order_date="2025-09-01 10:15:00", status="wc-completed",
            order_total="49.90", order_currency="EUR", customer_id="12", billing_first_name="Paolo",
            billing_last_name="Neri", billing_email="paolo.neri@gmail.com", billing_phone="333 111 2222",
            billing_city="Torino", billing_postcode="10121", billing_country="IT", customer_ip_address="1.2.3.4"),
        row(h, order_id="502", order_number="502", order_date="2025-09-02 12:00:00", status="wc-completed",
            order_total="19,90", order_currency="EUR", customer_id="0", billing_first_name="Sara",
            billing_last_name="Galli", billing_email="sara.galli@yahoo.it", billing_city="Roma",
            billing_postcode="00184", billing_country="IT"),
        row(h, order_id="503", order_number="503", order_date="2025-09-03 09:00:00", status="wc-refunded",
            order_total="10.00", order_currency="EUR", customer_id="12", billing_email="paolo.neri@gmail.com"),
    ]
    return write_table(d / "woocommerce_orders.csv", h, rows)


def woocommerce_customers(d: Path) -> Path:
    h = WOOCOMMERCE_CUSTOMERS
    rows = [["Paolo Neri", "pneri", "2025-09-03", "2024-01-10", "paolo.neri@gmail.com", "2", "59.90", "29.95",
             "IT", "Torino", "TO", "10121"],
            ["Sara Galli", "sgalli", "2025-09-02", "2025-09-02", "sara.galli@yahoo.it", "1", "19.90", "19.90",
             "IT", "Roma", "RM", "00184"]]
    return write_table(d / "woocommerce_customers.csv", h, rows)


def _mailchimp_member(headers: Sequence[str], **v: object) -> list[object]:
    return row(headers, **v)


def mailchimp_zip(d: Path) -> Path:
    sub = MAILCHIMP_SUBSCRIBED
    unsub = sub + MAILCHIMP_UNSUB_EXTRA
    cleaned = sub + MAILCHIMP_CLEANED_EXTRA

    def text(h, rows):
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(h)
        w.writerows(rows)
        return buf.getvalue()

    path = d / "mailchimp_audience.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("subscribed_members_export_ab12cd.csv", text(sub, [
            _mailchimp_member(sub, Email_Address="mario.rossi@gmail.com", First_Name="Mario", Last_Name="Rossi",
                              Birthday="05/17", OPTIN_TIME="2024-03-01 10:00:00", CONFIRM_TIME="2024-03-01 10:05:00",
                              LEID="101", OPTIN_IP="1.2.3.4", LATITUDE="45.46", LONGITUDE="9.19"),
            _mailchimp_member(sub, Email_Address="chiara.fontana@gmail.com", First_Name="Chiara", Last_Name="Fontana",
                              Phone_Number="+39 347 555 1234", OPTIN_TIME="2024-04-02 09:00:00", LEID="102"),
        ]))
        z.writestr("unsubscribed_members_export_ab12cd.csv", text(unsub, [
            _mailchimp_member(unsub, Email_Address="luca.b@hotmail.it", First_Name="Luca", Last_Name="Bianchi",
                              OPTIN_TIME="2023-01-01 08:00:00", UNSUB_TIME="2025-02-03 14:00:00", LEID="103"),
        ]))
        z.writestr("cleaned_members_export_ab12cd.csv", text(cleaned, [
            _mailchimp_member(cleaned, Email_Address="old.address@tiscali.it", First_Name="Anna",
                              OPTIN_TIME="2020-01-01 08:00:00", CLEAN_TIME="2024-06-01 00:00:00", LEID="104"),
        ]))
    return path


def mailchimp_activity(d: Path) -> Path:
    h = MAILCHIMP_ACTIVITY
    rows = [["mario.rossi@gmail.com", "c1", "Saldi autunno", "open", "2025-10-01 09:00:00", ""],
            ["mario.rossi@gmail.com", "c1", "Saldi autunno", "click", "2025-10-01 09:01:10", "https://shop.it/saldi"],
            ["chiara.fontana@gmail.com", "c1", "Saldi autunno", "open", "2025-10-02 20:00:00", ""]]
    return write_table(d / "mailchimp_activity.csv", h, rows)


def klaviyo(d: Path) -> Path:
    h = KLAVIYO
    rows = [row(h, Email="mario.rossi@gmail.com", Klaviyo_ID="01HABC", First_Name="Mario", Last_Name="Rossi",
                Phone_Number="+393331234567", Email_Marketing_Consent="SUBSCRIBED",
                Email_Marketing_Consent_Timestamp="2024-03-01T10:00:00+00:00", IP_Address="1.2.3.4"),
            row(h, Email="bounce@example.it", Klaviyo_ID="01HABD", First_Name="Pietro",
                Email_Marketing_Consent="SUBSCRIBED", Email_Suppressions="[{'reason': 'HARD_BOUNCE'}]"),
            row(h, Email="never@example.it", Klaviyo_ID="01HABE", Email_Marketing_Consent="NEVER_SUBSCRIBED")]
    return write_table(d / "klaviyo_profiles.csv", h, rows)


def brevo(d: Path) -> Path:
    h = BREVO_IT
    rows = [["mario.rossi@gmail.com", "Rossi", "Mario", "393331234567", "false", "false", "12-04-2022 09:30",
             "13-04-2022 10:00"],
            ["spam@example.it", "Verdi", "Ugo", "", "true", "false", "12-04-2022 09:30", "12-04-2022 09:30"]]
    return write_table(d / "brevo_contacts.csv", h, rows, delimiter=";")


def lightspeed(d: Path) -> Path:
    h = LIGHTSPEED
    rows = [row(h, Internal_ID="9001", Registered="2024-05-01", Firstname="Jan", LastnamePreposition="van",
                Lastname="Dijk", E_Mail="jan@vandijk.nl", Streetname="Keizersgracht", Number="12", Extension="A",
                Zipcode="1015 CJ", City="Amsterdam", Country="NL", Date_of_Birth="1980-02-03", Gender="male")]
    return write_table(d / "lightspeed_customers.csv", h, rows)


def meta_leads(d: Path, *, utf16: bool = True) -> Path:
    h = META_LEADS
    rows = [["l:1234567890", "2025-09-12T15:05:13+02:00", "ag:1", "Autunno", "as:2", "Milano 25-45", "c:3",
             "Saldi autunno", "f:4", "Modulo sconto", "false", "ig", "Chiara Fontana", "p:+393475551234",
             "chiara.fontana@gmail.com", "Milano", "CREATED"],
            ["l:1234567891", "2025-09-13T08:00:00+02:00", "ag:1", "Autunno", "as:2", "Milano 25-45", "c:3",
             "Saldi autunno", "f:4", "Modulo sconto", "false", "fb", "Marco Gallo", "p:+393401112233", "", "Monza",
             "CREATED"]]
    return write_table(d / "meta_leads.csv", h, rows, delimiter="\t", encoding="utf-16" if utf16 else "utf-8")


def square_customers(d: Path) -> Path:
    h = SQUARE_CUSTOMERS
    rows = [row(h, First_Name="Mario", Last_Name="Rossi", Email_Address="mario.rossi@gmail.com",
                Phone_Number="+1 415-555-0100", Square_Customer_ID="SQ1", Transaction_Count="2", Total_Spend="$45.00",
                Email_Subscription_Status="Subscribed")]
    return write_table(d / "square_customers.csv", h, rows)


def square_transactions(d: Path) -> Path:
    h = SQUARE_TRANSACTIONS
    rows = [row(h, Date="2022-11-10", Time="21:50:48", Time_Zone="Pacific Time (US & Canada)", Gross_Sales="$22.50",
                Total_Collected="$22.50", Transaction_ID="T1", Payment_ID="P1", Event_Type="Payment", Location="Main",
                Customer_ID="SQ1", Customer_Name="Mario Rossi", Transaction_Status="Complete", PAN_Suffix="1234"),
            row(h, Date="2022-11-11", Time="10:00:00", Gross_Sales="-$5.00", Total_Collected="-$5.00",
                Transaction_ID="T2", Event_Type="Refund", Location="Main", Transaction_Status="Complete")]
    return write_table(d / "square_transactions.csv", h, rows)


def square_items(d: Path) -> Path:
    h = SQUARE_ITEMS
    rows = [row(h, Date="2022-11-10", Time="21:50:48", Item="Caffè", Qty="2", Gross_Sales="$5.00", Net_Sales="$5.00",
                Transaction_ID="T1", Customer_ID="SQ1", Customer_Name="Mario Rossi", Location="Main",
                Event_Type="Payment"),
            row(h, Date="2022-11-10", Time="21:50:48", Item="Cornetto", Qty="1", Gross_Sales="$2.50", Net_Sales="$2.50",
                Transaction_ID="T1", Customer_ID="SQ1", Customer_Name="Mario Rossi", Location="Main",
                Event_Type="Payment")]
    return write_table(d / "square_items.csv", h, rows)


def web_events(d: Path) -> Path:
    h = WEB_EVENTS
    rows = [["20251001", "1759305600000000", "page_view", "111.222", "", "google", "cpc", "autunno", "https://shop.it/"],
            ["20251001", "1759305660000000", "add_to_cart", "111.222", "7210448301100", "google", "cpc", "autunno",
             "https://shop.it/tazza"],
            ["20251001", "1759305720000000", "purchase", "333.444", "", "(direct)", "(none)", "", "https://shop.it/ok"]]
    return write_table(d / "web_events.csv", h, rows)


def till_contacts(d: Path, *, encoding: str = "cp1252", name: str = "till_clienti.csv",
                  extra: Sequence[Sequence[object]] = ()) -> Path:
    rows = [
        ["C0001", "ROSSI", "Mario", "17/05/1980", "M", "Via Roma 12", "20121", "Milano", "MI", "02 1234567",
         "333 1234567", "mario.rossi@gmail.com", "SI", "01/03/2024", "Milano Centro"],
        ["C0002", "D'Angelo", "Nicolò", "03/11/1975", "M", "V.le Monza 3", "20125", "Milano", "MI", "", "347-5551234",
         "", "NO", "15/03/2024", "Milano Centro"],
        ["C0003", "Esposito", "Anna", "25/12/1990", "F", "P.za Duomo 1", "20900", "Monza", "MB", "", "", "",
         "SI", "02/04/2024", "Monza"],
        ["C0004", "Ferrari", "Luca", "", "", "", "24121", "Bergamo", "BG", "035 123456", "", "luca.f@libero.it", "",
         "10/04/2024", "Bergamo"],
        *extra,
    ]
    return write_table(d / name, TILL_CONTACTS, rows, delimiter=";", encoding=encoding)


def till_receipts(d: Path, *, name: str = "till_scontrini.csv") -> Path:
    rows = [
        ["01/10/2025", "10:15", "Milano Centro", "1", "0001-0001", "C0001", "", "12,50"],
        ["01/10/2025", "11:30", "Milano Centro", "1", "0001-0002", "", "giulia.dangelo@libero.it", "30,00"],
        ["02/10/2025", "09:05", "Monza", "2", "0002-0001", "", "", "7,90"],
        ["15/10/2025", "18:45", "Monza", "2", "0002-0002", "C0003", "", "1.234,56"],
        ["16/10/2025", "17:00", "Bergamo", "1", "0003-0001", "C0002", "", "-5,00"],
    ]
    return write_table(d / name, TILL_RECEIPTS, rows, delimiter=";", encoding="utf-8", bom=True)


# -- spreadsheets ----------------------------------------------------------------------------------
def write_xlsx(path: Path, headers: Sequence[str], rows: Sequence[Sequence[object]], *, sheet: str = "Clienti",
               empty_first_sheet: bool = True) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    first = wb.active
    if empty_first_sheet:
        first.title = "Note"
        ws = wb.create_sheet(sheet)
    else:
        ws = first
        ws.title = sheet
    ws.append(list(headers))
    for r in rows:
        ws.append(list(r))
    for cells in ws.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula, as a cell typed by a person
    wb.save(path)
    return path


def write_ods(path: Path, headers: Sequence[str], rows: Sequence[Sequence[object]], *, sheet: str = "Foglio1") -> Path:
    """A minimal OpenDocument spreadsheet (no library needed: a zip of XML)."""
    import datetime as dt

    def cell(v: object) -> str:
        if v is None or v == "":
            return "<table:table-cell/>"
        if isinstance(v, bool):
            typed = f'office:value-type="boolean" office:boolean-value="{str(v).lower()}"'
        elif isinstance(v, (int, float)):
            typed = f'office:value-type="float" office:value="{v}"'
        elif isinstance(v, dt.date):
            typed = f'office:value-type="date" office:date-value="{v.isoformat()}"'
        else:
            typed = 'office:value-type="string"'
        return f"<table:table-cell {typed}><text:p>{escape(str(v))}</text:p></table:table-cell>"

    body = "".join("<table:table-row>" + "".join(cell(v) for v in r) + "</table:table-row>" for r in [headers, *rows])
    content = ('<?xml version="1.0" encoding="UTF-8"?>'
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               f'<office:body><office:spreadsheet><table:table table:name="{escape(sheet)}">{body}'
               '</table:table></office:spreadsheet></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return path


# -- bad inputs ------------------------------------------------------------------------------------
def docx_renamed(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return path


def pdf_renamed(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    return path


def binary_file(path: Path) -> Path:
    rnd = random.Random(1)
    path.write_bytes(bytes(rnd.randrange(256) for _ in range(4096)))
    return path

