-- The day the denouncer was told the denunciation was accepted (due within the rule set's working days).
alter table citizen_case add column denouncer_notified_on date;
