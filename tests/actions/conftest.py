"""The fixtures of the action tests that play conversations on the real embedded directory:
``real`` (the directory and its Locator behind the actions) and ``locator``
(tests/conftest_actions.py). A module that defines its own keeps it."""

from tests.conftest_actions import embedded_locator, real_directory  # noqa: F401 - the fixtures
