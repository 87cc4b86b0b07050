namespace Regional.RiskTool.Tests;

public sealed class When_versions_are_aligned
{
    private const string Old = "em-cre-2019.1";
    private const string Current = "em-cre-2021.1";

    [Fact]
    public void Nothing_is_aligned_until_the_region_says_so()
    {
        Assert.False(AlignedVersions.None.IsAligned(Current));
        Assert.Equal("no version is aligned", AlignedVersions.None.ToString());
    }

    [Fact]
    public void An_aligned_version_is_accepted_and_an_unknown_one_is_not()
    {
        var aligned = AlignedVersions.None.Align(Current);

        Assert.True(aligned.IsAligned(Current));
        Assert.False(aligned.IsAligned(Old));
        Assert.False(aligned.IsAligned(null));
    }

    [Fact]
    public void Retiring_a_version_stops_it_being_accepted_and_marks_it_retired()
    {
        var aligned = new AlignedVersions([Old, Current], []).Retire(Old);

        Assert.False(aligned.IsAligned(Old));
        Assert.True(aligned.IsRetired(Old));
        Assert.Equal([Current], aligned.Aligned);
        Assert.Equal([Old], aligned.Retired);
    }

    [Fact]
    public void Aligning_a_retired_version_brings_it_back()
    {
        var aligned = new AlignedVersions([], [Old]).Align(Old);

        Assert.True(aligned.IsAligned(Old));
        Assert.False(aligned.IsRetired(Old));
    }

    [Fact]
    public void Changing_the_value_leaves_the_original_as_it_was()
    {
        var before = new AlignedVersions([Old], []);

        _ = before.Align(Current).Retire(Old);

        Assert.Equal(new AlignedVersions([Old], []), before);
    }

    [Fact]
    public void A_version_cannot_be_both_aligned_and_retired()
    {
        var e = Assert.Throws<ArgumentException>(() => new AlignedVersions([Old, Current], [Old]));

        Assert.Equal("A version cannot be both aligned and retired: em-cre-2019.1.", e.Message);
    }

    [Fact]
    public void A_blank_version_id_is_refused()
    {
        Assert.Throws<ArgumentException>(() => AlignedVersions.None.Align(" "));
    }

    [Fact]
    public void Values_with_the_same_versions_are_equal_whatever_the_order()
    {
        Assert.Equal(new AlignedVersions([Current, Old], []), new AlignedVersions([Old, Current], []));
        Assert.NotEqual(new AlignedVersions([Current], [Old]), new AlignedVersions([Current], []));
        Assert.Equal(new AlignedVersions([Current, Old], []).GetHashCode(), new AlignedVersions([Old, Current], []).GetHashCode());
    }

    [Fact]
    public void It_lists_the_aligned_versions_for_a_refusal_to_quote()
    {
        Assert.Equal("em-cre-2019.1, em-cre-2021.1", new AlignedVersions([Current, Old], []).ToString());
    }
}
