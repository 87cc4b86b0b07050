using Regional.RiskTool.Tests.Support;
using static Regional.RiskTool.Rating;

namespace Regional.RiskTool.Tests;

/// <summary>em-cre-2019.1 to em-cre-2021.1, through the shipped mapping.</summary>
public sealed class When_an_assessment_is_mapped_to_the_aligned_tool
{
    private static MappedAssessment Map(RiskAssessment assessment) => Assess.Catalog.Map(assessment, Assess.Cre2021);

    private static MappedAssessment Map(params IndicatorRating[] ratings) =>
        Map(new RiskAssessment { ToolVersion = Assess.Cse2019, Indicators = ratings });

    private static IndicatorRating Rated(MappedAssessment mapped, string code) => Assert.Single(mapped.Assessment.Indicators, r => r.Code == code);

    private static IEnumerable<MappingNote> IndicatorNotes(MappedAssessment mapped, MappingChange change) =>
        mapped.Notes.Where(n => n.Category == CodeCategory.Indicator && n.Change == change);

    [Fact]
    public void The_mapped_assessment_names_the_new_version_and_the_route()
    {
        var mapped = Map(new IndicatorRating("going-missing", Low, "Late home"));

        Assert.Equal(Assess.Cre2021, mapped.Assessment.ToolVersion);
        Assert.Equal([Assess.Cse2019, Assess.Cre2021], mapped.Versions);
        Assert.All(mapped.Notes, n => Assert.Equal((Assess.Cse2019, Assess.Cre2021), (n.FromVersion, n.ToVersion)));
    }

    [Fact]
    public void An_unchanged_indicator_keeps_its_rating_and_evidence_without_a_note()
    {
        var mapped = Map(new IndicatorRating("going-missing", Medium, "Missing three times"));

        Assert.Equal(new IndicatorRating("going-missing", Medium, "Missing three times"), Rated(mapped, "going-missing"));
        Assert.DoesNotContain(mapped.Notes, n => n.From.Contains("going-missing") || n.To.Contains("going-missing"));
    }

    [Fact]
    public void A_renamed_indicator_keeps_its_rating_and_evidence_and_is_noted_for_information()
    {
        var mapped = Map(new IndicatorRating("self-harm", Medium, "Cutting, seen by school nurse"));

        Assert.Equal(new IndicatorRating("emotional-wellbeing", Medium, "Cutting, seen by school nurse"), Rated(mapped, "emotional-wellbeing"));
        var note = Assert.Single(IndicatorNotes(mapped, MappingChange.Renamed));
        Assert.Equal(["self-harm"], note.From);
        Assert.Equal(["emotional-wellbeing"], note.To);
        Assert.False(note.NeedsReview);
        Assert.Equal(
            "'Self harm' (self-harm) was rated Medium; in em-cre-2021.1 it is 'Self-harm and emotional wellbeing' (emotional-wellbeing), "
            + "with the same rating and evidence. The indicator now covers emotional wellbeing as well as self-harm.",
            note.Message);
    }

    [Fact]
    public void A_split_indicator_copies_the_rating_and_evidence_to_each_part_for_review()
    {
        var mapped = Map(new IndicatorRating("risky-individuals", High, "Seen with a man of 30 and his friends"));

        Assert.Equal(new IndicatorRating("risky-adults", High, "Seen with a man of 30 and his friends"), Rated(mapped, "risky-adults"));
        Assert.Equal(new IndicatorRating("risky-peers", High, "Seen with a man of 30 and his friends"), Rated(mapped, "risky-peers"));
        var note = Assert.Single(IndicatorNotes(mapped, MappingChange.Split));
        Assert.Equal(["risky-adults", "risky-peers"], note.To);
        Assert.True(note.NeedsReview);
        Assert.Contains("review each against its descriptors", note.Message);
    }

    [Fact]
    public void A_merge_keeps_the_highest_rating_and_the_evidence_of_each()
    {
        var mapped = Map(
            new IndicatorRating("offending", Medium, "Shoplifting with older boys"),
            new IndicatorRating("gang-association", High, "Runs errands for a local gang"));

        var merged = Rated(mapped, "criminal-activity");
        Assert.Equal(High, merged.Rating);
        Assert.Equal("Offending behaviour (Medium): Shoplifting with older boys\nGang association (High): Runs errands for a local gang", merged.Evidence);
        var note = Assert.Single(IndicatorNotes(mapped, MappingChange.Merged));
        Assert.Equal(["offending", "gang-association"], note.From);
        Assert.Equal(["criminal-activity"], note.To);
        Assert.True(note.NeedsReview);
        Assert.Contains("; all were rated: the highest rating was kept", note.Message);
    }

    [Fact]
    public void A_merge_of_one_rated_source_keeps_its_rating_and_evidence_as_written()
    {
        var mapped = Map(new IndicatorRating("gang-association", Low, "Cousin is in a gang"));

        Assert.Equal(new IndicatorRating("criminal-activity", Low, "Cousin is in a gang"), Rated(mapped, "criminal-activity"));
        var note = Assert.Single(IndicatorNotes(mapped, MappingChange.Merged));
        Assert.Equal(["gang-association"], note.From);
        Assert.Contains("; 'Gang association' (gang-association) was rated:", note.Message);
    }

    [Fact]
    public void A_dropped_indicator_is_noted_with_its_rating_and_evidence_so_nothing_is_lost()
    {
        var mapped = Map(new IndicatorRating("family-conflict", Medium, "Four police call-outs for domestic violence"));

        Assert.Empty(mapped.Assessment.Indicators);
        var note = Assert.Single(IndicatorNotes(mapped, MappingChange.Dropped));
        Assert.True(note.NeedsReview);
        Assert.Empty(note.To);
        Assert.StartsWith(
            "'Family conflict and domestic violence' (family-conflict) was rated Medium (evidence: \"Four police call-outs for domestic violence\"); "
            + "em-cre-2021.1 has no such indicator.",
            note.Message);
        Assert.Contains("'family-breakdown'", note.Message);
    }

    [Fact]
    public void A_dropped_indicator_that_was_rated_none_needs_no_review()
    {
        var mapped = Map(new IndicatorRating("family-conflict", None));

        Assert.False(Assert.Single(IndicatorNotes(mapped, MappingChange.Dropped)).NeedsReview);
    }

    [Fact]
    public void New_indicators_are_left_unrated_and_flagged_for_the_practitioner()
    {
        var mapped = Map(new IndicatorRating("going-missing", Low, "Late home"));

        Assert.DoesNotContain(mapped.Assessment.Indicators, r => r.Code is "weapons-violence" or "travel-out-of-area");
        var added = IndicatorNotes(mapped, MappingChange.Added).ToList();
        Assert.Equal([["weapons-violence"], ["travel-out-of-area"]], added.Select(n => n.To));
        Assert.All(added, n => Assert.True(n.NeedsReview));
        Assert.StartsWith("'Weapons and serious violence' (weapons-violence) is new in em-cre-2021.1 and has no rating: rate it.", added[0].Message);
    }

    [Fact]
    public void Unrated_indicators_stay_unrated()
    {
        var mapped = Map(new IndicatorRating("going-missing", Low, "Late home"));

        Assert.Equal(["going-missing"], mapped.Assessment.Indicators.Select(r => r.Code));
    }

    [Fact]
    public void Ticked_vulnerability_factors_and_models_follow_renames_and_drops()
    {
        var mapped = Map(new RiskAssessment
        {
            ToolVersion = Assess.Cse2019,
            VulnerabilityFactors = ["family-conflict", "looked-after", "learning-disability"],
            Models = ["gangs", "constrained-choices", "online"],
        });

        Assert.Equal(["looked-after", "send", "family-breakdown"], mapped.Assessment.VulnerabilityFactors);
        Assert.Equal(["online", "gangs-county-lines"], mapped.Assessment.Models);
        var dropped = Assert.Single(mapped.Notes, n => n.Change == MappingChange.Dropped);
        Assert.Equal((CodeCategory.Model, true), (dropped.Category, dropped.NeedsReview));
        Assert.Equal(["constrained-choices"], dropped.From);
        Assert.Equal(3, mapped.Notes.Count(n => n.Change == MappingChange.Renamed && !n.NeedsReview));
    }

    [Fact]
    public void The_exploitation_types_the_cre_strategy_added_are_offered_for_review()
    {
        var mapped = Map(new RiskAssessment { ToolVersion = Assess.Cse2019, ExploitationTypes = ["sexual", "trafficking"] });

        Assert.Equal(["sexual", "trafficking-modern-slavery"], mapped.Assessment.ExploitationTypes);
        var added = mapped.Notes.Where(n => n.Category == CodeCategory.ExploitationType && n.Change == MappingChange.Added).ToList();
        Assert.Equal(["criminal", "labour", "honour-based", "extremist-grooming"], added.Select(n => n.To.Single()));
        Assert.All(added, n => Assert.True(n.NeedsReview));
        Assert.Equal("'Child criminal exploitation' (criminal) is new in em-cre-2021.1: consider whether it applies.", added[0].Message);
    }

    [Fact]
    public void An_override_that_still_differs_is_carried_and_flagged_for_confirmation()
    {
        var old = Assess.In2019(("going-missing", Low)) with { Override = Assess.Override(RiskLevel.High) };

        var mapped = Map(old);

        Assert.Equal(old.Override, mapped.Assessment.Override);
        var note = Assert.Single(mapped.Notes, n => n.Change == MappingChange.OverrideCarried);
        Assert.True(note.NeedsReview);
        Assert.Null(note.Category);
        Assert.Equal(RiskLevel.High, Assess.Score(mapped.Assessment).FinalLevel);
    }

    [Fact]
    public void An_override_the_new_version_makes_unnecessary_is_removed()
    {
        // offending is not critical in 2019 (one high gives medium); criminal-activity is in 2021.
        var old = Assess.In2019(("offending", High)) with { Override = Assess.Override(RiskLevel.High) };
        Assert.Equal(RiskLevel.Medium, Assess.Score(old).DerivedLevel);

        var mapped = Map(old);

        Assert.Null(mapped.Assessment.Override);
        Assert.False(Assert.Single(mapped.Notes, n => n.Change == MappingChange.OverrideRemoved).NeedsReview);
        Assert.Equal(RiskLevel.High, Assess.Score(mapped.Assessment).DerivedLevel);
    }

    [Fact]
    public void Every_mapped_assessment_is_valid_in_the_new_version()
    {
        var definition = Assess.Catalog.Get(Assess.Cse2019);
        var everything = new RiskAssessment
        {
            ToolVersion = Assess.Cse2019,
            Indicators = definition.Indicators.Select((i, n) => new IndicatorRating(i.Code, (Rating)(n % 4), $"Evidence {n}")).ToList(),
            VulnerabilityFactors = definition.VulnerabilityFactors.Select(f => f.Code).ToList(),
            Models = definition.Models.Select(m => m.Code).ToList(),
            ExploitationTypes = definition.ExploitationTypes.Select(t => t.Code).ToList(),
        };

        var mapped = Map(everything);

        Assert.Empty(Assess.Catalog.Validate(mapped.Assessment));
    }

    [Fact]
    public void Mapping_to_the_same_version_changes_nothing()
    {
        var assessment = Assess.In2021(("going-missing", High));

        var mapped = Assess.Catalog.Map(assessment, Assess.Cre2021);

        Assert.Same(assessment, mapped.Assessment);
        Assert.Empty(mapped.Notes);
        Assert.Equal([Assess.Cre2021], mapped.Versions);
    }

    [Fact]
    public void Mapping_back_to_an_older_version_fails_clearly()
    {
        var e = Assert.Throws<RiskToolMappingException>(() => Assess.Catalog.Map(Assess.In2021(("going-missing", High)), Assess.Cse2019));

        Assert.Equal(
            "Cannot map from em-cre-2021.1 to em-cre-2019.1: no chain of mappings leads there. Mappings go forward only; the catalog has em-cre-2019.1 -> em-cre-2021.1.",
            e.Message);
    }

    [Fact]
    public void Mapping_to_an_unknown_version_fails_clearly()
    {
        var e = Assert.Throws<RiskToolMappingException>(() => Assess.Catalog.Map(Assess.In2019(), "em-cre-2030.1"));

        Assert.Equal(
            "Cannot map to 'em-cre-2030.1': it is not a known risk tool version; known versions are em-cre-2019.1, em-cre-2021.1.",
            e.Message);
    }

    [Fact]
    public void An_invalid_assessment_is_not_mapped()
    {
        var e = Assert.Throws<InvalidAssessmentException>(() => Map(new IndicatorRating("going-missing", High)));

        Assert.Equal("indicators[going-missing].evidence", Assert.Single(e.Errors).Path);
    }
}
