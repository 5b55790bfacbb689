"""Round 18's tester: the words of a story are not needs. A widow asks for her survivor's pension;
what the CAF told her, and her late husband, are the story: the places are for her pension, with
her pension's list (the death and marriage papers: helper e184), said to her ("vos", not
"ses")."""

from __future__ import annotations

import pytest

from actions import backends
from actions import formatting as fmt
from directory_client import Locator
from tests.actions.test_after_places import Talk, one_list
from tests.conftest_actions import ent, said


@pytest.fixture(scope="module")
def real(embedded_directory):
    backends.set_backends(embedded_directory, Locator(directory=embedded_directory))
    yield embedded_directory
    backends.set_backends(None, None)

STORIES = [
    # the tester's, and the same class of wordings not seen
    "Mon mari est décédé le mois dernier, je dois faire une demande de pension de réversion, la "
    "CAF m'a dit de déclarer aux impôts et je ne sais pas comment faire. J'habite à Roubaix",
    "ma femme est morte en mars. Les impôts m'ont envoyé un courrier et la CAF aussi, mais moi je "
    "dois demander la réversion de sa retraite, je suis à Roubaix",
    "mon père est décédé, le notaire m'a dit de prévenir la CAF et la sécu, je voudrais faire la "
    "demande de pension de réversion à Roubaix",
]


@pytest.mark.parametrize("story", STORIES)
def test_the_procedure_asked_for_is_served_not_the_ones_of_the_story(real, story):
    talk = Talk()
    msgs = talk.say(story, "ask_help", [ent("location", "Roubaix"), ent("procedure", "caf"),
                                        ent("procedure", "impots")])  # fmt: skip
    reco = one_list(msgs)
    assert talk.slots["procedures"] == ["reversion"]
    intro = said(msgs[0])
    assert "pour votre pension de réversion" in intro, intro
    assert reco["bring"] == fmt.bring_items(["reversion"])
    assert not any("CAF" in item or "impôt" in item for item in reco["bring"])
