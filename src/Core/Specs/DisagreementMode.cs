namespace EfficiencyMisnomer.Specs;

/// <summary>What a report does when indicators rank the spec's models in different orders.</summary>
public enum DisagreementMode
{
    /// <summary>Nothing.</summary>
    Off,

    /// <summary>A warning naming the indicators that disagree.</summary>
    Warn,

    /// <summary>An error: the models' comparison must not rest on one indicator.</summary>
    Error,
}
