"""One module per known export; importing this package registers them all (see registry.py)."""
from app.core.importing.formats import (  # noqa: F401
    brevo,
    klaviyo,
    lightspeed,
    mailchimp,
    meta_leads,
    shopify,
    square,
    web_analytics,
    woocommerce,
)
