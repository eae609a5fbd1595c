module @portbench {
  func.func public @main(%arg0: tensor<12x32xf32>, %arg1: tensor<8x8x6xf32> {tf.aliasing_output = 1 : i32}, %arg2: tensor<8x6x8xf32> {tf.aliasing_output = 2 : i32}, %arg3: tensor<32x32xf32>, %arg4: tensor<32xf32>, %arg5: tensor<32x32xf32>, %arg6: tensor<32xf32>, %arg7: tensor<32x32xf32>, %arg8: tensor<32xf32>, %arg9: tensor<32x32xf32>, %arg10: tensor<32xf32>, %arg11: tensor<32xf32>, %arg12: tensor<32xf32>, %arg13: tensor<128x32xf32>, %arg14: tensor<128xf32>, %arg15: tensor<32x128xf32>, %arg16: tensor<32xf32>, %arg17: tensor<32xf32>, %arg18: tensor<32xf32>) -> (tensor<12x32xf32>, tensor<8x8x6xf32>, tensor<8x6x8xf32>) {
    %v1 = stablehlo.dot_general %arg0, %arg3, contracting_dims = [1] x [1] : (tensor<12x32xf32>, tensor<32x32xf32>) -> tensor<12x32xf32>
    %v2 = stablehlo.broadcast_in_dim %arg4, dims = [1] : (tensor<32xf32>) -> tensor<12x32xf32>
    %v3 = stablehlo.add %v1, %v2 : tensor<12x32xf32>
    %v4 = stablehlo.dot_general %arg0, %arg5, contracting_dims = [1] x [1] : (tensor<12x32xf32>, tensor<32x32xf32>) -> tensor<12x32xf32>
    %v5 = stablehlo.broadcast_in_dim %arg6, dims = [1] : (tensor<32xf32>) -> tensor<12x32xf32>
    %v6 = stablehlo.add %v4, %v5 : tensor<12x32xf32>
    %v7 = stablehlo.dot_general %arg0, %arg7, contracting_dims = [1] x [1] : (tensor<12x32xf32>, tensor<32x32xf32>) -> tensor<12x32xf32>
    %v8 = stablehlo.broadcast_in_dim %arg8, dims = [1] : (tensor<32xf32>) -> tensor<12x32xf32>
    %v9 = stablehlo.add %v7, %v8 : tensor<12x32xf32>
    %v10 = stablehlo.reshape %v6 : (tensor<12x32xf32>) -> tensor<2x6x4x8xf32>
    %v11 = stablehlo.transpose %v10, dims = [0, 2, 3, 1] : (tensor<2x6x4x8xf32>) -> tensor<2x4x8x6xf32>
    %v12 = stablehlo.reshape %v11 : (tensor<2x4x8x6xf32>) -> tensor<8x8x6xf32>
    %v13 = stablehlo.constant dense<0> : tensor<i32>
    %v14 = stablehlo.constant dense<0> : tensor<i32>
    %v15 = stablehlo.constant dense<0> : tensor<i32>
    %v16 = stablehlo.dynamic_update_slice %arg1, %v12, %v13, %v14, %v15 : (tensor<8x8x6xf32>, tensor<8x8x6xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<8x8x6xf32>
    %v17 = stablehlo.reshape %v9 : (tensor<12x32xf32>) -> tensor<2x6x4x8xf32>
    %v18 = stablehlo.transpose %v17, dims = [0, 2, 1, 3] : (tensor<2x6x4x8xf32>) -> tensor<2x4x6x8xf32>
    %v19 = stablehlo.reshape %v18 : (tensor<2x4x6x8xf32>) -> tensor<8x6x8xf32>
    %v20 = stablehlo.constant dense<0> : tensor<i32>
    %v21 = stablehlo.constant dense<0> : tensor<i32>
    %v22 = stablehlo.constant dense<0> : tensor<i32>
    %v23 = stablehlo.dynamic_update_slice %arg2, %v19, %v20, %v21, %v22 : (tensor<8x6x8xf32>, tensor<8x6x8xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<8x6x8xf32>
    %v24 = stablehlo.reshape %v3 : (tensor<12x32xf32>) -> tensor<2x6x4x1x8xf32>
    %v25 = stablehlo.transpose %v24, dims = [0, 2, 1, 3, 4] : (tensor<2x6x4x1x8xf32>) -> tensor<2x4x6x1x8xf32>
    %v26 = stablehlo.reshape %v25 : (tensor<2x4x6x1x8xf32>) -> tensor<8x6x8xf32>
    %v27 = stablehlo.dot_general %v26, %v16, batching_dims = [0] x [0], contracting_dims = [2] x [1] : (tensor<8x6x8xf32>, tensor<8x8x6xf32>) -> tensor<8x6x6xf32>
    %v28 = stablehlo.reshape %v27 : (tensor<8x6x6xf32>) -> tensor<2x4x6x1x6xf32>
    %v29 = stablehlo.constant dense<3.535533845e-01> : tensor<f32>
    %v30 = stablehlo.broadcast_in_dim %v29, dims = [] : (tensor<f32>) -> tensor<2x4x6x1x6xf32>
    %v31 = stablehlo.multiply %v28, %v30 : tensor<2x4x6x1x6xf32>
    %v33 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %v32 = stablehlo.reduce(%v31 init: %v33) applies stablehlo.maximum across dimensions = [4] : (tensor<2x4x6x1x6xf32>, tensor<f32>) -> tensor<2x4x6x1xf32>
    %v34 = stablehlo.broadcast_in_dim %v32, dims = [0, 1, 2, 3] : (tensor<2x4x6x1xf32>) -> tensor<2x4x6x1x6xf32>
    %v35 = stablehlo.subtract %v31, %v34 : tensor<2x4x6x1x6xf32>
    %v36 = stablehlo.exponential %v35 : tensor<2x4x6x1x6xf32>
    %v38 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v37 = stablehlo.reduce(%v36 init: %v38) applies stablehlo.add across dimensions = [4] : (tensor<2x4x6x1x6xf32>, tensor<f32>) -> tensor<2x4x6x1xf32>
    %v39 = stablehlo.broadcast_in_dim %v37, dims = [0, 1, 2, 3] : (tensor<2x4x6x1xf32>) -> tensor<2x4x6x1x6xf32>
    %v40 = stablehlo.divide %v36, %v39 : tensor<2x4x6x1x6xf32>
    %v41 = stablehlo.reshape %v40 : (tensor<2x4x6x1x6xf32>) -> tensor<8x6x6xf32>
    %v42 = stablehlo.dot_general %v41, %v23, batching_dims = [0] x [0], contracting_dims = [2] x [1] : (tensor<8x6x6xf32>, tensor<8x6x8xf32>) -> tensor<8x6x8xf32>
    %v43 = stablehlo.reshape %v42 : (tensor<8x6x8xf32>) -> tensor<2x4x6x1x8xf32>
    %v44 = stablehlo.transpose %v43, dims = [0, 2, 1, 3, 4] : (tensor<2x4x6x1x8xf32>) -> tensor<2x6x4x1x8xf32>
    %v45 = stablehlo.reshape %v44 : (tensor<2x6x4x1x8xf32>) -> tensor<12x32xf32>
    %v46 = stablehlo.dot_general %v45, %arg9, contracting_dims = [1] x [1] : (tensor<12x32xf32>, tensor<32x32xf32>) -> tensor<12x32xf32>
    %v47 = stablehlo.broadcast_in_dim %arg10, dims = [1] : (tensor<32xf32>) -> tensor<12x32xf32>
    %v48 = stablehlo.add %v46, %v47 : tensor<12x32xf32>
    %v49 = stablehlo.add %arg0, %v48 : tensor<12x32xf32>
    %v50 = stablehlo.constant dense<3.200000000e+01> : tensor<f32>
    %v51 = stablehlo.broadcast_in_dim %v50, dims = [] : (tensor<f32>) -> tensor<12xf32>
    %v53 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v52 = stablehlo.reduce(%v49 init: %v53) applies stablehlo.add across dimensions = [1] : (tensor<12x32xf32>, tensor<f32>) -> tensor<12xf32>
    %v54 = stablehlo.divide %v52, %v51 : tensor<12xf32>
    %v55 = stablehlo.broadcast_in_dim %v54, dims = [0] : (tensor<12xf32>) -> tensor<12x32xf32>
    %v56 = stablehlo.subtract %v49, %v55 : tensor<12x32xf32>
    %v57 = stablehlo.multiply %v56, %v56 : tensor<12x32xf32>
    %v59 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v58 = stablehlo.reduce(%v57 init: %v59) applies stablehlo.add across dimensions = [1] : (tensor<12x32xf32>, tensor<f32>) -> tensor<12xf32>
    %v60 = stablehlo.divide %v58, %v51 : tensor<12xf32>
    %v61 = stablehlo.constant dense<1.000000000e-12> : tensor<f32>
    %v62 = stablehlo.broadcast_in_dim %v61, dims = [] : (tensor<f32>) -> tensor<12xf32>
    %v63 = stablehlo.add %v60, %v62 : tensor<12xf32>
    %v64 = stablehlo.rsqrt %v63 : tensor<12xf32>
    %v65 = stablehlo.broadcast_in_dim %v64, dims = [0] : (tensor<12xf32>) -> tensor<12x32xf32>
    %v66 = stablehlo.multiply %v56, %v65 : tensor<12x32xf32>
    %v67 = stablehlo.broadcast_in_dim %arg11, dims = [1] : (tensor<32xf32>) -> tensor<12x32xf32>
    %v68 = stablehlo.multiply %v66, %v67 : tensor<12x32xf32>
    %v69 = stablehlo.broadcast_in_dim %arg12, dims = [1] : (tensor<32xf32>) -> tensor<12x32xf32>
    %v70 = stablehlo.add %v68, %v69 : tensor<12x32xf32>
    %v71 = stablehlo.dot_general %v70, %arg13, contracting_dims = [1] x [1] : (tensor<12x32xf32>, tensor<128x32xf32>) -> tensor<12x128xf32>
    %v72 = stablehlo.broadcast_in_dim %arg14, dims = [1] : (tensor<128xf32>) -> tensor<12x128xf32>
    %v73 = stablehlo.add %v71, %v72 : tensor<12x128xf32>
    %v74 = stablehlo.constant dense<7.071067812e-01> : tensor<f32>
    %v75 = stablehlo.broadcast_in_dim %v74, dims = [] : (tensor<f32>) -> tensor<12x128xf32>
    %v76 = stablehlo.multiply %v73, %v75 : tensor<12x128xf32>
    %v77 = chlo.erf %v76 : tensor<12x128xf32> -> tensor<12x128xf32>
    %v78 = stablehlo.constant dense<5.000000000e-01> : tensor<f32>
    %v79 = stablehlo.broadcast_in_dim %v78, dims = [] : (tensor<f32>) -> tensor<12x128xf32>
    %v80 = stablehlo.multiply %v73, %v79 : tensor<12x128xf32>
    %v81 = stablehlo.constant dense<1.000000000e+00> : tensor<f32>
    %v82 = stablehlo.broadcast_in_dim %v81, dims = [] : (tensor<f32>) -> tensor<12x128xf32>
    %v83 = stablehlo.add %v77, %v82 : tensor<12x128xf32>
    %v84 = stablehlo.multiply %v80, %v83 : tensor<12x128xf32>
    %v85 = stablehlo.dot_general %v84, %arg15, contracting_dims = [1] x [1] : (tensor<12x128xf32>, tensor<32x128xf32>) -> tensor<12x32xf32>
    %v86 = stablehlo.broadcast_in_dim %arg16, dims = [1] : (tensor<32xf32>) -> tensor<12x32xf32>
    %v87 = stablehlo.add %v85, %v86 : tensor<12x32xf32>
    %v88 = stablehlo.add %v70, %v87 : tensor<12x32xf32>
    %v89 = stablehlo.constant dense<3.200000000e+01> : tensor<f32>
    %v90 = stablehlo.broadcast_in_dim %v89, dims = [] : (tensor<f32>) -> tensor<12xf32>
    %v92 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v91 = stablehlo.reduce(%v88 init: %v92) applies stablehlo.add across dimensions = [1] : (tensor<12x32xf32>, tensor<f32>) -> tensor<12xf32>
    %v93 = stablehlo.divide %v91, %v90 : tensor<12xf32>
    %v94 = stablehlo.broadcast_in_dim %v93, dims = [0] : (tensor<12xf32>) -> tensor<12x32xf32>
    %v95 = stablehlo.subtract %v88, %v94 : tensor<12x32xf32>
    %v96 = stablehlo.multiply %v95, %v95 : tensor<12x32xf32>
    %v98 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v97 = stablehlo.reduce(%v96 init: %v98) applies stablehlo.add across dimensions = [1] : (tensor<12x32xf32>, tensor<f32>) -> tensor<12xf32>
    %v99 = stablehlo.divide %v97, %v90 : tensor<12xf32>
    %v100 = stablehlo.constant dense<1.000000000e-12> : tensor<f32>
    %v101 = stablehlo.broadcast_in_dim %v100, dims = [] : (tensor<f32>) -> tensor<12xf32>
    %v102 = stablehlo.add %v99, %v101 : tensor<12xf32>
    %v103 = stablehlo.rsqrt %v102 : tensor<12xf32>
    %v104 = stablehlo.broadcast_in_dim %v103, dims = [0] : (tensor<12xf32>) -> tensor<12x32xf32>
    %v105 = stablehlo.multiply %v95, %v104 : tensor<12x32xf32>
    %v106 = stablehlo.broadcast_in_dim %arg17, dims = [1] : (tensor<32xf32>) -> tensor<12x32xf32>
    %v107 = stablehlo.multiply %v105, %v106 : tensor<12x32xf32>
    %v108 = stablehlo.broadcast_in_dim %arg18, dims = [1] : (tensor<32xf32>) -> tensor<12x32xf32>
    %v109 = stablehlo.add %v107, %v108 : tensor<12x32xf32>
    return %v109, %v16, %v23 : tensor<12x32xf32>, tensor<8x8x6xf32>, tensor<8x6x8xf32>
  }
}
