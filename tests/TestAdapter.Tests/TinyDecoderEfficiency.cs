namespace EfficiencyMisnomer.TestAdapter.Tests;

/// <summary>The bundled int4 decoder's spec as tests: static generation indicators, then ttft, tpot and tokens per second measured.</summary>
public sealed class TinyDecoderEfficiency
{
    [EfficiencySpecs("specs/tiny-decoder.yaml")]
    public void Efficiency(EfficiencyCase efficiencyCase) => efficiencyCase.Assert();
}
