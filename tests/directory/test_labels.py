from directory_client import labels


def test_every_v1_label_maps_to_a_current_service():
    for old, new in labels.SERVICES_V1_TO_CURRENT.items():
        assert new in labels.SERVICES, old
        assert labels.current_service(old) == new


def test_service_lookup_ignores_case_accents_and_apostrophes():
    assert labels.current_service("prendre en main un ordinateur") == labels.OUTILS_QUOTIDIEN
    assert labels.current_service("Acces internet et materiel informatique") == (
        labels.ACCES_INTERNET_MATERIEL
    )
    assert labels.current_service("Soutenir la parentalité et l’éducation avec le numérique") == (
        labels.PARENTALITE
    )
    assert labels.current_service("Faire du vélo") is None


def test_services_mask_has_one_bit_per_service():
    assert labels.services_mask(list(labels.SERVICES)) == (1 << len(labels.SERVICES)) - 1
    assert labels.services_mask(["inconnu"]) == 0
