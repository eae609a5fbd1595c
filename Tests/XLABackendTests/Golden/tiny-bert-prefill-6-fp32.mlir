module @portbench {
  func.func public @main(%arg0: tensor<12x32xf32>, %arg1: tensor<2x6x4x8xf32>, %arg2: tensor<2x6x4x8xf32>, %arg3: tensor<32x32xf32>, %arg4: tensor<32xf32>, %arg5: tensor<32x32xf32>, %arg6: tensor<32xf32>, %arg7: tensor<32x32xf32>, %arg8: tensor<32xf32>, %arg9: tensor<32x32xf32>, %arg10: tensor<32xf32>, %arg11: tensor<32xf32>, %arg12: tensor<32xf32>, %arg13: tensor<128x32xf32>, %arg14: tensor<128xf32>, %arg15: tensor<32x128xf32>, %arg16: tensor<32xf32>, %arg17: tensor<32xf32>, %arg18: tensor<32xf32>) -> (tensor<12x32xf32>) {
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
    %v11 = stablehlo.constant dense<0> : tensor<i32>
    %v12 = stablehlo.constant dense<0> : tensor<i32>
    %v13 = stablehlo.constant dense<0> : tensor<i32>
    %v14 = stablehlo.constant dense<0> : tensor<i32>
    %v15 = stablehlo.dynamic_update_slice %arg1, %v10, %v11, %v12, %v13, %v14 : (tensor<2x6x4x8xf32>, tensor<2x6x4x8xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<2x6x4x8xf32>
    %v16 = stablehlo.reshape %v9 : (tensor<12x32xf32>) -> tensor<2x6x4x8xf32>
    %v17 = stablehlo.constant dense<0> : tensor<i32>
    %v18 = stablehlo.constant dense<0> : tensor<i32>
    %v19 = stablehlo.constant dense<0> : tensor<i32>
    %v20 = stablehlo.constant dense<0> : tensor<i32>
    %v21 = stablehlo.dynamic_update_slice %arg2, %v16, %v17, %v18, %v19, %v20 : (tensor<2x6x4x8xf32>, tensor<2x6x4x8xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<2x6x4x8xf32>
    %v22 = stablehlo.reshape %v3 : (tensor<12x32xf32>) -> tensor<2x6x4x1x8xf32>
    %v23 = stablehlo.dot_general %v22, %v15, batching_dims = [0, 2] x [0, 2], contracting_dims = [4] x [3] : (tensor<2x6x4x1x8xf32>, tensor<2x6x4x8xf32>) -> tensor<2x4x6x1x6xf32>
    %v24 = stablehlo.constant dense<3.535533845e-01> : tensor<f32>
    %v25 = stablehlo.broadcast_in_dim %v24, dims = [] : (tensor<f32>) -> tensor<2x4x6x1x6xf32>
    %v26 = stablehlo.multiply %v23, %v25 : tensor<2x4x6x1x6xf32>
    %v28 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %v27 = stablehlo.reduce(%v26 init: %v28) applies stablehlo.maximum across dimensions = [4] : (tensor<2x4x6x1x6xf32>, tensor<f32>) -> tensor<2x4x6x1xf32>
    %v29 = stablehlo.broadcast_in_dim %v27, dims = [0, 1, 2, 3] : (tensor<2x4x6x1xf32>) -> tensor<2x4x6x1x6xf32>
    %v30 = stablehlo.subtract %v26, %v29 : tensor<2x4x6x1x6xf32>
    %v31 = stablehlo.exponential %v30 : tensor<2x4x6x1x6xf32>
    %v33 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v32 = stablehlo.reduce(%v31 init: %v33) applies stablehlo.add across dimensions = [4] : (tensor<2x4x6x1x6xf32>, tensor<f32>) -> tensor<2x4x6x1xf32>
    %v34 = stablehlo.broadcast_in_dim %v32, dims = [0, 1, 2, 3] : (tensor<2x4x6x1xf32>) -> tensor<2x4x6x1x6xf32>
    %v35 = stablehlo.divide %v31, %v34 : tensor<2x4x6x1x6xf32>
    %v36 = stablehlo.dot_general %v35, %v21, batching_dims = [0, 1] x [0, 2], contracting_dims = [4] x [1] : (tensor<2x4x6x1x6xf32>, tensor<2x6x4x8xf32>) -> tensor<2x4x6x1x8xf32>
    %v37 = stablehlo.transpose %v36, dims = [0, 2, 1, 3, 4] : (tensor<2x4x6x1x8xf32>) -> tensor<2x6x4x1x8xf32>
    %v38 = stablehlo.reshape %v37 : (tensor<2x6x4x1x8xf32>) -> tensor<12x32xf32>
    %v39 = stablehlo.dot_general %v38, %arg9, contracting_dims = [1] x [1] : (tensor<12x32xf32>, tensor<32x32xf32>) -> tensor<12x32xf32>
    %v40 = stablehlo.broadcast_in_dim %arg10, dims = [1] : (tensor<32xf32>) -> tensor<12x32xf32>
    %v41 = stablehlo.add %v39, %v40 : tensor<12x32xf32>
    %v42 = stablehlo.add %arg0, %v41 : tensor<12x32xf32>
    %v43 = stablehlo.constant dense<3.200000000e+01> : tensor<f32>
    %v44 = stablehlo.broadcast_in_dim %v43, dims = [] : (tensor<f32>) -> tensor<12xf32>
    %v46 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v45 = stablehlo.reduce(%v42 init: %v46) applies stablehlo.add across dimensions = [1] : (tensor<12x32xf32>, tensor<f32>) -> tensor<12xf32>
    %v47 = stablehlo.divide %v45, %v44 : tensor<12xf32>
    %v48 = stablehlo.broadcast_in_dim %v47, dims = [0] : (tensor<12xf32>) -> tensor<12x32xf32>
    %v49 = stablehlo.subtract %v42, %v48 : tensor<12x32xf32>
    %v50 = stablehlo.multiply %v49, %v49 : tensor<12x32xf32>
    %v52 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v51 = stablehlo.reduce(%v50 init: %v52) applies stablehlo.add across dimensions = [1] : (tensor<12x32xf32>, tensor<f32>) -> tensor<12xf32>
    %v53 = stablehlo.divide %v51, %v44 : tensor<12xf32>
    %v54 = stablehlo.constant dense<1.000000000e-12> : tensor<f32>
    %v55 = stablehlo.broadcast_in_dim %v54, dims = [] : (tensor<f32>) -> tensor<12xf32>
    %v56 = stablehlo.add %v53, %v55 : tensor<12xf32>
    %v57 = stablehlo.rsqrt %v56 : tensor<12xf32>
    %v58 = stablehlo.broadcast_in_dim %v57, dims = [0] : (tensor<12xf32>) -> tensor<12x32xf32>
    %v59 = stablehlo.multiply %v49, %v58 : tensor<12x32xf32>
    %v60 = stablehlo.broadcast_in_dim %arg11, dims = [1] : (tensor<32xf32>) -> tensor<12x32xf32>
    %v61 = stablehlo.multiply %v59, %v60 : tensor<12x32xf32>
    %v62 = stablehlo.broadcast_in_dim %arg12, dims = [1] : (tensor<32xf32>) -> tensor<12x32xf32>
    %v63 = stablehlo.add %v61, %v62 : tensor<12x32xf32>
    %v64 = stablehlo.dot_general %v63, %arg13, contracting_dims = [1] x [1] : (tensor<12x32xf32>, tensor<128x32xf32>) -> tensor<12x128xf32>
    %v65 = stablehlo.broadcast_in_dim %arg14, dims = [1] : (tensor<128xf32>) -> tensor<12x128xf32>
    %v66 = stablehlo.add %v64, %v65 : tensor<12x128xf32>
    %v67 = stablehlo.constant dense<7.071067812e-01> : tensor<f32>
    %v68 = stablehlo.broadcast_in_dim %v67, dims = [] : (tensor<f32>) -> tensor<12x128xf32>
    %v69 = stablehlo.multiply %v66, %v68 : tensor<12x128xf32>
    %v70 = chlo.erf %v69 : tensor<12x128xf32> -> tensor<12x128xf32>
    %v71 = stablehlo.constant dense<5.000000000e-01> : tensor<f32>
    %v72 = stablehlo.broadcast_in_dim %v71, dims = [] : (tensor<f32>) -> tensor<12x128xf32>
    %v73 = stablehlo.multiply %v66, %v72 : tensor<12x128xf32>
    %v74 = stablehlo.constant dense<1.000000000e+00> : tensor<f32>
    %v75 = stablehlo.broadcast_in_dim %v74, dims = [] : (tensor<f32>) -> tensor<12x128xf32>
    %v76 = stablehlo.add %v70, %v75 : tensor<12x128xf32>
    %v77 = stablehlo.multiply %v73, %v76 : tensor<12x128xf32>
    %v78 = stablehlo.dot_general %v77, %arg15, contracting_dims = [1] x [1] : (tensor<12x128xf32>, tensor<32x128xf32>) -> tensor<12x32xf32>
    %v79 = stablehlo.broadcast_in_dim %arg16, dims = [1] : (tensor<32xf32>) -> tensor<12x32xf32>
    %v80 = stablehlo.add %v78, %v79 : tensor<12x32xf32>
    %v81 = stablehlo.add %v63, %v80 : tensor<12x32xf32>
    %v82 = stablehlo.constant dense<3.200000000e+01> : tensor<f32>
    %v83 = stablehlo.broadcast_in_dim %v82, dims = [] : (tensor<f32>) -> tensor<12xf32>
    %v85 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v84 = stablehlo.reduce(%v81 init: %v85) applies stablehlo.add across dimensions = [1] : (tensor<12x32xf32>, tensor<f32>) -> tensor<12xf32>
    %v86 = stablehlo.divide %v84, %v83 : tensor<12xf32>
    %v87 = stablehlo.broadcast_in_dim %v86, dims = [0] : (tensor<12xf32>) -> tensor<12x32xf32>
    %v88 = stablehlo.subtract %v81, %v87 : tensor<12x32xf32>
    %v89 = stablehlo.multiply %v88, %v88 : tensor<12x32xf32>
    %v91 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v90 = stablehlo.reduce(%v89 init: %v91) applies stablehlo.add across dimensions = [1] : (tensor<12x32xf32>, tensor<f32>) -> tensor<12xf32>
    %v92 = stablehlo.divide %v90, %v83 : tensor<12xf32>
    %v93 = stablehlo.constant dense<1.000000000e-12> : tensor<f32>
    %v94 = stablehlo.broadcast_in_dim %v93, dims = [] : (tensor<f32>) -> tensor<12xf32>
    %v95 = stablehlo.add %v92, %v94 : tensor<12xf32>
    %v96 = stablehlo.rsqrt %v95 : tensor<12xf32>
    %v97 = stablehlo.broadcast_in_dim %v96, dims = [0] : (tensor<12xf32>) -> tensor<12x32xf32>
    %v98 = stablehlo.multiply %v88, %v97 : tensor<12x32xf32>
    %v99 = stablehlo.broadcast_in_dim %arg17, dims = [1] : (tensor<32xf32>) -> tensor<12x32xf32>
    %v100 = stablehlo.multiply %v98, %v99 : tensor<12x32xf32>
    %v101 = stablehlo.broadcast_in_dim %arg18, dims = [1] : (tensor<32xf32>) -> tensor<12x32xf32>
    %v102 = stablehlo.add %v100, %v101 : tensor<12x32xf32>
    return %v102 : tensor<12x32xf32>
  }
}
