from django.shortcuts import render


def inquiry_placeholder(request):
    # Replaced by the intake form (inquiries issue).
    return render(request, "inquiries/placeholder.html")
