"""The public API: __all__ matches what the package really exports."""
import dragoman


def test_every_name_in_all_resolves():
    for name in dragoman.__all__:
        assert getattr(dragoman, name) is not None, name


def test_unknown_attribute_is_an_attribute_error():
    import pytest

    with pytest.raises(AttributeError):
        dragoman.no_such_thing  # noqa: B018


def test_settings_declared_once_match_the_settings_record():
    from dataclasses import fields

    from dragoman.config import SETTINGS, Settings

    assert {f.name for f in fields(Settings)} == {s.name for s in SETTINGS}


def test_settings_read_environment_and_reject_bad_values(monkeypatch):
    import pytest

    from dragoman.config import settings
    from dragoman.errors import ConfigError

    monkeypatch.setenv("DRAGOMAN_BATCH_SIZE", "7")
    assert settings().batch_size == 7
    monkeypatch.setenv("DRAGOMAN_BATCH_SIZE", "many")
    with pytest.raises(ConfigError, match="batch_size"):
        settings()
