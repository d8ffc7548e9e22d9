using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Tests.Specs;

/// <summary>"Did you mean": typos and truncations find their name; unrelated words find none.</summary>
public sealed class NameSuggestionTests
{
    private static readonly string[] Names = { "params", "macs", "flops", "macs_per_step", "memory_access", "warning", "error" };

    [TestCase("mac", "macs")]
    [TestCase("MACS", "macs")]
    [TestCase("parmas", "params")]
    [TestCase("flop", "flops")]
    [TestCase("memory_acess", "memory_access")]
    [TestCase("warn", "warning")]
    [TestCase("bogomips", null)]
    [TestCase("x", null)]
    public void Closest(string word, string? expected) =>
        Assert.That(NameSuggestion.Closest(word, Names), Is.EqualTo(expected));

    [Test]
    public void Did_you_mean_is_empty_without_a_suggestion() =>
        Assert.Multiple(() =>
        {
            Assert.That(NameSuggestion.DidYouMean("mac", Names), Is.EqualTo("; did you mean 'macs'?"));
            Assert.That(NameSuggestion.DidYouMean("bogomips", Names), Is.Empty);
        });
}
