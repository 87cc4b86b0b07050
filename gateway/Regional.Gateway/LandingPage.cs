using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Regional.Region;

namespace Regional.Gateway;

/// <summary>
/// <c>GET /</c>: a page for someone who opens the gateway in a browser, saying what it is and
/// where to go next. Self-contained (no scripts, no external styles): the gateway may run offline.
/// </summary>
internal static class LandingPage
{
    public static IResult Render(IOptions<RegionOptions> region, IOptions<GatewayOptions> gateway, IHostEnvironment environment)
    {
        var html = HtmlEncoder.Default;
        var name = string.IsNullOrWhiteSpace(region.Value.Name) ? "Regional" : region.Value.Name;
        var page = new StringBuilder();
        page.Append($$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{html.Encode(name)}} region gateway</title>
            <style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}code{background:#f3f3f3;padding:0 .2rem}td{padding:.1rem .8rem .1rem 0}</style>
            </head>
            <body>
            <h1>{{html.Encode(name)}} region gateway</h1>
            <p>The single entry to the region's cross-border referral services: placement notices between
            councils, and referrals and reciprocal reviews between councils and police forces. Every API call
            needs a bearer token from the identity service; paths are <code>/{authority}/{resource}</code>,
            e.g. <code>/nottingham-city/placements</code>; a police force's inbox is <code>/police/{force}/alerts</code>.</p>
            <h2>Start here</h2>
            <ul>
            """);
        if (environment.IsDevelopment() && !string.IsNullOrWhiteSpace(gateway.Value.IdentityAddress))
        {
            page.Append("""<li><a href="/identity/dev/users">Demo users</a> (development only): sign in as one with <code>POST /identity/dev/sign-in</code></li>""").Append('\n');
        }

        page.Append("""<li><a href="/health/ready">Readiness</a> and <a href="/health/live">liveness</a> of the gateway</li>""").Append('\n');
        page.Append("</ul>\n");

        var documents = region.Value.Services.Select(s => s.Name).ToList();
        if (!string.IsNullOrWhiteSpace(gateway.Value.RegionAddress))
        {
            documents.Add(RegionRoutes.RegionServiceDocument);
        }

        if (!string.IsNullOrWhiteSpace(gateway.Value.AlertsAddress))
        {
            documents.Add(RegionRoutes.AlertsDocument);
        }

        if (documents.Count > 0)
        {
            page.Append("<h2>The API</h2>\n<table>\n<caption>Each service's reference page and OpenAPI description, on this gateway</caption>\n");
            foreach (var document in documents)
            {
                var doc = html.Encode(document);
                page.Append($"""<tr><td>{doc}</td><td><a href="/reference/{doc}">reference</a></td><td><a href="/openapi/{doc}.json">/openapi/{doc}.json</a></td></tr>""").Append('\n');
            }

            page.Append("</table>\n");
        }

        page.Append("</body>\n</html>\n");
        return Results.Content(page.ToString(), "text/html; charset=utf-8");
    }
}
