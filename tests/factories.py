"""factory_boy factories for the campaigns app; other apps keep theirs in tests/<app>/factories.py."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from campaigns.models import Membership, Person, Unit

TEST_PASSWORD = "Mat-khau-thu-nghiem-2026"


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"DV{n:04d}")
    name = factory.Sequence(lambda n: f"Đơn vị thử nghiệm số {n}")
    kind = Unit.Kind.COMMUNE


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    gender = Person.Gender.MALE
    unit = factory.SubFactory(UnitFactory)
    category = Person.Category.CONG_CHUC
    position = "Chuyên viên"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.invalid")
    first_name = "Thử"
    last_name = "Nguyễn Văn"

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or TEST_PASSWORD)
        if create:
            self.save(update_fields=["password"])


def make_user(username: str, role: str | None = None, unit: Unit | None = None):
    """A user with an optional role (group name) and unit."""
    user = UserFactory(username=username)
    if role:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    if unit is not None:
        Membership.objects.update_or_create(user=user, defaults={"unit": unit})
    return user
