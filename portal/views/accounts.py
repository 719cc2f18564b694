"""Sign-in: Django's view with the portal's Vietnamese form and the throttling of django-axes."""

from django.contrib.auth import views as auth_views

from portal.forms import LoginForm


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True
