using Regional.Referral.Domain;

namespace Regional.UnitTests;

public sealed class When_a_concern_is_matched_against_the_register
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static IncomingChild Registered(
        string localId = "NC-000123", string placing = "nottingham-city", string given = "Jordan", string family = "Example",
        string? nhs = "9434765919", DateOnly? dob = null, DateOnly? ended = null) => new()
        {
            PlacementId = Guid.NewGuid(),
            PlacingAuthority = placing,
            LocalId = localId,
            GivenName = given,
            FamilyName = family,
            DateOfBirth = dob ?? new DateOnly(2013, 4, 17),
            NhsNumber = nhs,
            Gender = "male",
            StartDate = new DateOnly(2026, 1, 5),
            EndDate = ended,
        };

    [Fact]
    public void The_nhs_number_decides_first_even_with_a_different_name()
    {
        var jordan = Registered();
        var match = ChildMatcher.Match(new ReferredChild { NhsNumber = "943 476 5919", GivenName = "Jo", FamilyName = "Other" }, [Registered(nhs: null, localId: "X"), jordan], Today);
        Assert.Same(jordan, match!.Child);
        Assert.Equal(MatchedOn.NhsNumber, match.MatchedOn);
    }

    [Fact]
    public void Without_an_nhs_number_the_local_id_and_placing_authority_match()
    {
        var jordan = Registered(nhs: null);
        var match = ChildMatcher.Match(new ReferredChild { LocalId = "nc-000123 ", PlacingAuthority = "nottingham-city" }, [jordan], Today);
        Assert.Equal(MatchedOn.LocalIdAndPlacingAuthority, match!.MatchedOn);
    }

    [Fact]
    public void A_local_id_of_another_placing_authority_does_not_match()
    {
        var match = ChildMatcher.Match(new ReferredChild { LocalId = "NC-000123", PlacingAuthority = "derby-city" }, [Registered()], Today);
        Assert.Null(match);
    }

    [Fact]
    public void Name_and_date_of_birth_match_when_nothing_else_is_known()
    {
        var match = ChildMatcher.Match(
            new ReferredChild { GivenName = " jordan", FamilyName = "EXAMPLE", DateOfBirth = new DateOnly(2013, 4, 17) }, [Registered()], Today);
        Assert.Equal(MatchedOn.NameAndDateOfBirth, match!.MatchedOn);
    }

    [Fact]
    public void A_name_without_the_date_of_birth_is_not_enough()
    {
        Assert.Null(ChildMatcher.Match(new ReferredChild { GivenName = "Jordan", FamilyName = "Example" }, [Registered()], Today));
    }

    [Fact]
    public void Two_children_with_the_same_name_and_birthday_match_neither()
    {
        // Telling the wrong council about a child is a disclosure: an ambiguous match is no match.
        var register = new[] { Registered(localId: "A", nhs: null), Registered(localId: "B", nhs: null, placing: "derby-city") };
        Assert.Null(ChildMatcher.Match(new ReferredChild { GivenName = "Jordan", FamilyName = "Example", DateOfBirth = new DateOnly(2013, 4, 17) }, register, Today));
    }

    [Fact]
    public void A_child_whose_placement_ended_before_the_concern_is_not_placed_here()
    {
        var ended = Registered(ended: Today.AddDays(-1));
        Assert.Null(ChildMatcher.Match(new ReferredChild { NhsNumber = "9434765919" }, [ended], Today));
        Assert.NotNull(ChildMatcher.Match(new ReferredChild { NhsNumber = "9434765919" }, [ended], Today.AddDays(-1)));
    }

    [Fact]
    public void An_invalid_nhs_number_falls_back_to_the_other_identifiers()
    {
        var match = ChildMatcher.Match(
            new ReferredChild { NhsNumber = "9434765918", GivenName = "Jordan", FamilyName = "Example", DateOfBirth = new DateOnly(2013, 4, 17) },
            [Registered()], Today);
        Assert.Equal(MatchedOn.NameAndDateOfBirth, match!.MatchedOn);
    }

    [Fact]
    public void A_child_not_in_the_register_is_not_matched()
    {
        Assert.Null(ChildMatcher.Match(new ReferredChild { GivenName = "Sam", FamilyName = "Local", DateOfBirth = new DateOnly(2012, 1, 1) }, [Registered()], Today));
    }
}
