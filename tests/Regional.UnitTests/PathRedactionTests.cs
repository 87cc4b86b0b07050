using System.Diagnostics;
using Regional.ServiceDefaults;

namespace Regional.UnitTests;

public sealed class When_a_span_names_a_child_in_its_path
{
    [Theory]
    [InlineData("http://127.0.0.1:5101/consent/children/NC-000123/decisions", "http://127.0.0.1:5101/consent/children/{childId}/decisions")]
    [InlineData("/nottingham-city/consent/children/NC%2F12/access.csv?x=1", "/nottingham-city/consent/children/{childId}/access.csv?x=1")]
    [InlineData("/nottingham-city/consent/children/NC-1", "/nottingham-city/consent/children/{childId}")]
    public void The_childs_id_is_replaced_by_its_parameter_name(string path, string redacted)
    {
        Assert.Equal(redacted, PathRedaction.Redact(path));
    }

    [Fact]
    public void A_path_without_a_child_is_left_as_it_is()
    {
        const string path = "/nottingham-city/placements/0190f0c1-0000-7000-8000-000000000000";
        Assert.Same(path, PathRedaction.Redact(path));
    }

    [Fact]
    public void Every_tag_of_the_span_is_redacted_and_the_others_kept()
    {
        using var activity = new Activity("POST");
        activity.SetTag("url.full", "http://127.0.0.1:1/consent/children/NC-9/overrides");
        activity.SetTag("url.path", "/consent/children/NC-9/overrides");
        activity.SetTag("http.route", "/consent/children/{childId}/overrides");
        activity.SetTag("http.response.status_code", 201);

        PathRedaction.RedactTags(activity);

        Assert.DoesNotContain(activity.TagObjects, t => t.Value is string s && s.Contains("NC-9", StringComparison.Ordinal));
        Assert.Equal("/consent/children/{childId}/overrides", activity.GetTagItem("url.path"));
        Assert.Equal(201, activity.GetTagItem("http.response.status_code"));
    }
}
