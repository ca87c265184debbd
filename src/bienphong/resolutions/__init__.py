"""Resolution implementation and emulation: resolutions, targets, cascaded action
programs, tasks with roadmaps, inspections, emulation scoring and commendations."""
