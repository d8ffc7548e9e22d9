namespace EfficiencyMisnomer.TestAdapter;

/// <summary>
/// A generated test of something a readable spec declares (a model, a model on a hardware profile, a benchmark
/// case): the spec it comes from and the settings the run was given.
/// </summary>
public abstract class SpecEfficiencyCase : EfficiencyCase
{
    protected SpecEfficiencyCase(string name, string specPath, string specName, EfficiencySettings settings)
        : base(name)
    {
        SpecPath = specPath;
        SpecName = specName;
        Settings = settings;
    }

    /// <summary>The spec file, as the test plan found it.</summary>
    public string SpecPath { get; }

    /// <summary>The spec's <c>name</c>, which names the files the test writes.</summary>
    public string SpecName { get; }

    public EfficiencySettings Settings { get; }
}
