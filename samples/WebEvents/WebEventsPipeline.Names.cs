namespace WebEvents;

/// <summary>The pipeline's tables by name, for code around the job (the benchmarks) that looks them up.</summary>
public partial class WebEventsPipeline
{
    public const string RawDatabase = "raw__web_events";
    public const string RawTable = "fake_web_events_csv";
    public const string CookedDatabase = "cooked__web_events";
    public const string CookedTable = "web_events";

    /// <summary>The pipeline, for code that runs it directly (<c>Create().Run(context)</c>).</summary>
    public static IPipeline Create() => new WebEventsPipeline();
}
