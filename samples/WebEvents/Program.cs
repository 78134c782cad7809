return await AlaSparkApp.RunAsync(args);
