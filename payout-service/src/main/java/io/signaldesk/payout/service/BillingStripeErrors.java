package io.signaldesk.payout.service;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import io.signaldesk.platform.problem.Problem;
import io.signaldesk.platform.problem.ProblemException;

/** What a failed Stripe call means to our client: Stripe is down or refused us, never a 500. */
final class BillingStripeErrors {
    private BillingStripeErrors() {}

    static Throwable toProblem(Throwable t) {
        if (t instanceof ProblemException) {
            return t;
        }
        if (t instanceof ApiConnectionException || t instanceof RateLimitException) {
            return new ProblemException(Problem.of(
                    503, "stripe-unavailable", "Stripe unavailable", "Stripe could not be reached; try again shortly"));
        }
        if (t instanceof StripeException) {
            return new ProblemException(Problem.of(
                    502,
                    "stripe-error",
                    "Stripe refused the request",
                    "Stripe answered with an error; try again later"));
        }
        return t;
    }
}
