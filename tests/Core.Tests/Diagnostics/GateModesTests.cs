using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Core.Tests.Diagnostics;

public sealed class GateModesTests
{
    [TestCase("error", GateMode.Error)]
    [TestCase("warn", GateMode.Warn)]
    [TestCase("off", GateMode.Off)]
    [TestCase("Warn", GateMode.Warn)]
    [TestCase(" OFF ", GateMode.Off)]
    public void A_name_reads_as_its_mode_whatever_its_case(string text, GateMode expected)
    {
        Assert.That(GateModes.TryParse(text, out var mode), Is.True);
        Assert.That(mode, Is.EqualTo(expected));
    }

    // Enum.TryParse would take "1" for Warn and "Error, Off" for a combination: a property typo must not pass as a mode.
    [TestCase("1")]
    [TestCase("Error, Off")]
    [TestCase("warning")]
    [TestCase("")]
    [TestCase(null)]
    public void Anything_else_is_refused(string? text)
    {
        Assert.That(GateModes.TryParse(text, out _), Is.False);
    }

    [Test]
    public void The_names_are_those_the_documentation_gives()
    {
        Assert.That(GateModes.Names, Is.EqualTo(new[] { "error", "warn", "off" }));
    }
}
