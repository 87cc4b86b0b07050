using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Regional.ServiceDefaults;

public static class Correlation
{
    public const string Header = "X-Correlation-Id";

    /// <summary>
    /// Carries the gateway's correlation id into this service's logs and spans, and back to the
    /// caller, so that a practitioner's support call can be matched to what happened.
    /// </summary>
    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Regional.Correlation");
        return app.Use(async (context, next) =>
        {
            var id = context.Request.Headers[Header].ToString();
            if (string.IsNullOrEmpty(id) || id.Length > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                id = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
                context.Request.Headers[Header] = id;
            }

            // Set as the response starts, so that a proxied response's own copy is replaced, not repeated.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Header] = id;
                return Task.CompletedTask;
            });
            Activity.Current?.SetTag("regional.correlation_id", id);
            using (logger.BeginScope(new KeyValuePair<string, object>[] { new("CorrelationId", id) }))
            {
                await next(context);
            }
        });
    }
}
