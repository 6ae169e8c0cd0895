// placeholder: filled in by the forms work
