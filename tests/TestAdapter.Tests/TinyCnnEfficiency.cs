namespace EfficiencyMisnomer.TestAdapter.Tests;

/// <summary>The adapter used as a consumer uses it: the repository's sample spec becomes real tests.</summary>
public sealed class TinyCnnEfficiency
{
    [EfficiencySpecs("specs/tiny-cnn.yaml")]
    public void Efficiency(EfficiencyCase efficiencyCase) => efficiencyCase.Assert();
}
