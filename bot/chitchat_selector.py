"""Rasa's ResponseSelector, run only on the messages it can answer.

Small talk is one retrieval intent (``chitchat``) and the ResponseSelector picks its sub-intent.
Rasa 3.6 runs the selector's TensorFlow model on every message, whatever the intent: under load
(py-spy on ``rasa run``, bench/load.py --profile) that was a quarter of Rasa's time, spent on
messages such as "aide pour la CAF à Lille" whose answer never reads it. Here the selector runs
only when the intent classifier (before it in the pipeline) chose its retrieval intent; other
messages carry no ``response_selector`` entry, which Rasa and ``action_smalltalk`` accept.

Training is unchanged. One visible effect on ``rasa test nlu``: a small-talk example whose
intent was misclassified now has no sub-intent prediction, so the selector's evaluation counts
it as an error (it was scored on its own before).

``rasa train`` warns "your NLU configuration does not include a response selector component":
Rasa's recipe validator looks for the ``ResponseSelector`` class itself, not a subclass
(``default_recipe_validator.py``). The warning is wrong; the selector is trained (its figures:
docs/nlu-report.md).
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.selectors.response_selector import ResponseSelector
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY
from rasa.shared.nlu.training_data.message import Message


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class ChitchatResponseSelector(ResponseSelector):
    def process(self, messages: list[Message]) -> list[Message]:
        mine = [m for m in messages if self._is_for_me(m)]
        if mine:
            super().process(mine)
        return messages

    def _is_for_me(self, message: Message) -> bool:
        intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        # Without a retrieval intent the selector answers every retrieval intent: keep Rasa's way.
        return not self.retrieval_intent or intent == self.retrieval_intent
