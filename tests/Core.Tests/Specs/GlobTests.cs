using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Tests.Specs;

/// <summary>Spec patterns (profile matches, benchmark cases): * and ?, whole value, any case, everything else literal.</summary>
public sealed class GlobTests
{
    private const string EpycModel = "AMD EPYC 7763 64-Core Processor";

    [TestCase("*EPYC*", EpycModel, true)]
    [TestCase("*epyc*", EpycModel, true)]
    [TestCase("AMD EPYC 7??3*", EpycModel, true)]
    [TestCase("EPYC*", EpycModel, false)]
    [TestCase("NVIDIA H200*", "NVIDIA H200 NVL", true)]
    [TestCase("NVIDIA H100*", "NVIDIA H200", false)]
    [TestCase("Intel(R) Xeon(R) CPU @ 2.20GHz", "intel(r) xeon(r) cpu @ 2.20ghz", true)]
    [TestCase("a.c", "abc", false)]
    [TestCase("*", "", true)]
    [TestCase("?", "", false)]
    [TestCase(@"C:\cpu\*", @"C:\cpu\x", true)]
    [TestCase("[a]", "a", false)]
    [TestCase("*" + "a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    public void Matches(string pattern, string text, bool expected) =>
        Assert.That(Glob.IsMatch(pattern, text), Is.EqualTo(expected));
}
