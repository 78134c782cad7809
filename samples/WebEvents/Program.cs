using AlaSpark;
using WebEvents;

// With no arguments, run the main job: the raw_to_cooked pipeline on the embedded engine.
return await AlaSparkApp.RunAsync(args.Length == 0 ? ["run", "raw_to_cooked"] : args, new AlaSparkAppOptions
{
    Pipelines = [WebEventsPipeline.Create()],
    OnSessionStarted = WebEventsPipeline.RegisterRawTable,
});
