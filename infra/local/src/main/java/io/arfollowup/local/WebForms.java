package io.arfollowup.local;

import io.arfollowup.adapters.wiring.Components;
import io.arfollowup.functions.webform.WebFormHandler;

/** The web-form function as the local runtime hosts it (the same routes as the Lambda). */
final class WebForms {

    private WebForms() {
    }

    static WebFormHandler handler(Components c) {
        return new WebFormHandler(WebFormHandler.defaultRoutes(c));
    }
}
