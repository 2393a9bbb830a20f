package main

import (
	"context"
	"errors"

	"regulars/bench"
	"regulars/internal/emulators"
)

var errTODO = errors.New("not written yet")



func faultSection(ctx context.Context, r *bench.Results, emu *emulators.FirestoreEmulator, quick bool) error { return errTODO }
func localSection(ctx context.Context, r *bench.Results, large bench.Size) error                         { return errTODO }
func crashSection(ctx context.Context, r *bench.Results, quick bool) error                               { return errTODO }
func threadSection(ctx context.Context, r *bench.Results) error                                          { return errTODO }
func startSection(ctx context.Context, r *bench.Results) error                                           { return errTODO }
