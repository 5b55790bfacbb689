"""What our two dense featurizers (``bot.word_vectors``, ``bot.sentence_featurizer``) share as
Rasa graph components: built from the config alone (nothing trained, nothing stored), a
``sentence_scale`` that weighs the sentence vector against the sparse n-gram counts, and the
training data featurized like any message."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any, ClassVar

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData


class ScaledDenseFeaturizer(DenseFeaturizer, GraphComponent):
    """Subclasses implement ``process`` and register themselves with ``DefaultV1Recipe``."""

    # Modules whose code makes the features, besides the subclass's own and this one.
    feature_modules: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """Rasa restores a component's output from its cache when the config and the inputs are
        unchanged: the code that makes the features counts too, or a changed featurizer would
        train the classifier on the old features."""
        digest = hashlib.sha256()
        for name in (__name__, cls.__module__, *cls.feature_modules):
            digest.update(Path(str(sys.modules[name].__file__)).read_bytes())
        return digest.hexdigest()

    @classmethod
    def required_components(cls) -> list[type]:
        return [Tokenizer]

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
    ) -> ScaledDenseFeaturizer:
        return cls(config, execution_context.node_name)

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        if float(config.get("sentence_scale", 1.0)) <= 0:
            raise ValueError(f"{cls.__name__}: sentence_scale must be positive")

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        raise NotImplementedError
