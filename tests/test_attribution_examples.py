"""Every attribution model on DOMAIN.md §4's worked examples, to the cent, and on hand-made journeys."""
import pytest

from app.core.analytics.attribution import NO_TOUCH, compare_models, contribution, credits, touch_weights
from app.core.analytics.journeys import DAY, Journey, Touch
from app.core.analytics.markov import removal_effects

T = 1_000 * DAY


def path(*touches: tuple[str, float], value: float = 100.0, converted: bool = True, campaigns=None) -> Journey:
    """A journey from (channel, days before the conversion) pairs."""
    campaigns = campaigns or [f"camp-{c}" for c, _ in touches]
    ts = tuple(Touch(int(T - d * DAY), c, campaign=k) for (c, d), k in zip(touches, campaigns))
    return Journey(1, ts, converted, value if converted else 0.0, T if converted else None)


P = path(("FB", 14), ("Email", 7), ("Organic", 1))


def revenue(journeys, model, **kw) -> dict[str, float]:
    table = contribution(journeys, model=model, **kw)
    return {k: round(v, 2) for k, v in zip(table[table.columns[0]], table["revenue"])}


def conversions(journeys, model, **kw) -> dict[str, float]:
    table = contribution(journeys, model=model, **kw)
    return dict(zip(table[table.columns[0]], table["conversions"]))


@pytest.mark.parametrize("model, expected", [
    ("first", {"FB": 100.0}),
    ("last", {"Organic": 100.0}),
    ("linear", {"FB": 33.33, "Email": 33.33, "Organic": 33.33}),
    ("time-decay", {"FB": 15.10, "Email": 30.20, "Organic": 54.70}),
    ("position", {"FB": 40.0, "Email": 20.0, "Organic": 40.0}),
    ("last-non-direct", {"Organic": 100.0}),
])
def test_domain_path_p(model, expected):
    assert revenue([P], model) == expected


def test_time_decay_weights_of_path_p():
    w = touch_weights(P, "time-decay")
    raw = [0.25, 0.5, 2 ** (-1 / 7)]
    assert [round(x, 4) for x in raw] == [0.25, 0.5, 0.9057]
    assert w == pytest.approx([x / sum(raw) for x in raw])


def test_time_decay_half_life_is_configurable():
    # with a 14-day half-life the weights are 2^-1, 2^-0.5, 2^-(1/14)
    raw = [0.5, 2 ** -0.5, 2 ** (-1 / 14)]
    expected = {c: round(100 * x / sum(raw), 2) for c, x in zip(["FB", "Email", "Organic"], raw)}
    assert revenue([P], "time-decay", half_life_days=14) == expected
    assert expected["FB"] != 15.10


def test_last_non_direct_skips_direct():
    fb_email_direct = path(("FB", 3), ("Email", 2), ("Direct", 1))
    assert revenue([fb_email_direct], "last-non-direct") == {"Email": 100.0}
    assert revenue([fb_email_direct], "last") == {"Direct": 100.0}


def test_last_non_direct_credits_direct_only_when_the_whole_path_is_direct():
    assert revenue([path(("Direct", 3), ("Direct", 1))], "last-non-direct") == {"Direct": 100.0}


def test_last_non_direct_by_campaign_chooses_the_touch_by_its_channel():
    j = path(("FB", 3), ("Direct", 1), campaigns=["spring", "(no campaign)"])
    assert revenue([j], "last-non-direct", by="campaign") == {"spring": 100.0}


@pytest.mark.parametrize("touches, expected", [
    ([("A", 1)], {"A": 100.0}),
    ([("A", 2), ("B", 1)], {"A": 50.0, "B": 50.0}),
    ([("A", 4), ("B", 3), ("C", 2), ("D", 1)], {"A": 40.0, "B": 10.0, "C": 10.0, "D": 40.0}),
])
def test_position_based_short_and_long_paths(touches, expected):
    assert revenue([path(*touches)], "position") == expected


def test_repeated_channels_add_up():
    j = path(("Email", 3), ("Email", 2), ("FB", 1), value=90.0)
    assert revenue([j], "linear") == {"Email": 60.0, "FB": 30.0}
    assert revenue([j], "position") == {"Email": 54.0, "FB": 36.0}  # 40% + 20% to Email, 40% to FB
    assert revenue([j], "shapley") == {"Email": 45.0, "FB": 45.0}  # Shapley sees the channel set


def test_markov_domain_example():
    journeys = [path(("A", 2), ("B", 1), value=1.0), path(("A", 1), converted=False), path(("B", 1), value=1.0)]
    effects, p = removal_effects((j.keys(), j.converted) for j in journeys)
    assert p == pytest.approx(2 / 3)
    assert effects == pytest.approx({"A": 0.5, "B": 1.0})
    got = conversions(journeys, "markov")
    assert round(got["A"], 3) == 0.667 and round(got["B"], 3) == 1.333
    # the same paths under the simple models, as DOMAIN.md gives them
    assert credits(journeys, model="last") == {"B": [2.0, 2.0]}
    assert credits(journeys, model="linear") == {"A": [0.5, 0.5], "B": [1.5, 1.5]}


def test_markov_needs_the_non_converting_paths():
    converting = [path(("A", 2), ("B", 1), value=1.0), path(("A", 1), value=1.0), path(("B", 1), value=1.0)]
    # every path converts: removing A (or B) loses 2 of 3 routes, RE_A = RE_B = 2/3
    assert conversions(converting, "markov") == pytest.approx({"A": 1.5, "B": 1.5})
    # 3 paths A→B→null: start→A 5/6, A→B 4/5, A→conv 1/5, B→conv 2/5 → P = 1/2;
    # without A, P = 1/15 (RE 13/15); without B, P = 1/6 (RE 2/3) → credits 3·13/23 and 3·10/23
    dead_ends = [path(("A", 2), ("B", 1), converted=False)] * 3
    assert conversions(converting + dead_ends, "markov") == pytest.approx({"A": 39 / 23, "B": 30 / 23})


def test_shapley_domain_example():
    journeys = ([path(("A", 1), value=1.0)] * 10 + [path(("B", 1), value=2.0)] * 20
                + [path(("A", 2), ("B", 1), value=3.0)] * 30)
    table = contribution(journeys, model="shapley")
    assert conversions(journeys, "shapley") == pytest.approx({"A": 25.0, "B": 35.0})
    rev = dict(zip(table["channel"], table["revenue"]))
    # revenue game: v(A)=10, v(B)=40, v(AB)=140 → φA = (10 + 100)/2, φB = (40 + 130)/2
    assert rev == pytest.approx({"A": 55.0, "B": 85.0})


def test_conversions_without_touch_go_to_no_touch_in_every_model():
    journeys = [P, Journey(2, (), True, 40.0, T)]
    for model in ("first", "last", "last-non-direct", "linear", "time-decay", "position", "markov", "shapley"):
        table = contribution(journeys, model=model)
        assert table["channel"].iloc[-1] == NO_TOUCH, model
        assert table["revenue"].iloc[-1] == 40.0 and table["conversions"].iloc[-1] == 1.0
        assert table["conversions"].sum() == pytest.approx(2.0)


def test_shares_and_order():
    journeys = [path(("A", 1), value=10.0), path(("A", 1), value=10.0), path(("B", 1), value=60.0)]
    table = contribution(journeys, model="last")
    assert table["channel"].tolist() == ["A", "B"]
    assert table["share"].tolist() == pytest.approx([2 / 3, 1 / 3])
    assert table["revenue_share"].tolist() == pytest.approx([0.25, 0.75])


def test_empty_input_gives_an_empty_table():
    table = contribution([], model="markov")
    assert table.empty and list(table.columns) == ["channel", "conversions", "revenue", "share", "revenue_share"]


def test_compare_models_is_one_column_per_model():
    table = compare_models([P], value="revenue")
    assert table.columns.tolist()[0] == "channel" and len(table.columns) == 9
    row = table.set_index("channel").loc["FB"]
    assert round(row["first"], 2) == 100.0 and round(row["time-decay"], 2) == 15.10 and row["last"] == 0.0


def test_unknown_model_and_view_are_refused():
    with pytest.raises(ValueError, match="unknown attribution model"):
        contribution([P], model="magic")
    with pytest.raises(ValueError, match="cannot attribute by"):
        contribution([P], by="store")
