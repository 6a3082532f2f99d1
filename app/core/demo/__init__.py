"""The demo retailer "Bottega Rossi": a small Italian fashion/home chain (stores in Milano, Monza,
Bergamo; a Shopify shop; a Mailchimp newsletter; Meta lead ads; GA4-like web analytics) written as
the real exports those tools produce, with the ground truth of who is who and the planted
near-store / far-from-store ROPO pattern (seed article 002). See layouts.py for the files and
truth.py for the definitions of every planted figure."""
from app.core.demo.dirt import DirtRates
from app.core.demo.generate import (
           DemoFile,
           DemoManifest,
           generate_contacts_only,
           generate_demo,
)
from app.core.demo.journeys import Behaviour
from app.core.demo.true_profiles import install_true_profiles, true_memberships
from app.core.demo.workspace import build_demo_workspace

__all__ = ["Behaviour", "DemoFile", "DemoManifest", "DirtRates", "build_demo_workspace", "generate_contacts_only",
           "generate_demo", "install_true_profiles", "true_memberships"]
