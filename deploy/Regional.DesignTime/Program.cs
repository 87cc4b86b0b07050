// Design-time host for dotnet-ef; see deploy/scripts/add-migration.sh.
return 0;
