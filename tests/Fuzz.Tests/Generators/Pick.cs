namespace EfficiencyMisnomer.Fuzz.Tests.Generators;

/// <summary>Weighted choice between generators, written so that overload resolution never takes the generators for constants.</summary>
internal static class Pick
{
    public static Gen<T> Weighted<T>(params (int Weight, Gen<T> Generator)[] gens) =>
        Gen.Frequency<T>(gens.Where(g => g.Weight > 0).Select(g => (g.Weight, (IGen<T>)g.Generator)).ToArray());
}
